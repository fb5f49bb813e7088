import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { incidents, serviceNowWorkflow } from './helpers';

const upsert = serviceNowWorkflow({
	resource: 'incident',
	operation: 'createOrUpdate',
	correlationId: '={{ $json.id }}',
	shortDescription: '={{ $json.title }}',
});

describe('ServiceNow encoded queries cannot be widened by data', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	it.each([
		['^OR', 'x^ORactive=true'],
		['^NQ', 'x^NQactive=true'],
		['a newline', 'okta-evt-0001\n^ORactive=true'],
	])('refuses a correlation ID containing %s, before any query or create', async (_case, id) => {
		const before = incidents(env.sandbox).length;
		const result = await env.engine.run(upsert, { items: [{ json: { id, title: 'Injected' } }] });
		expect(result.error('ServiceNow')?.message).toMatch(/^Correlation ID ".*" cannot be used in a ServiceNow query$/);
		expect(result.error('ServiceNow')?.context?.itemIndex).toBe(0);
		expect(env.sandbox.requests).toHaveLength(0);
		expect(incidents(env.sandbox)).toHaveLength(before);
	});

	it('treats "=" inside a correlation ID as part of the value: it matches only that exact ID', async () => {
		const first = await env.engine.run(upsert, { items: [{ json: { id: 'key=value', title: 'Equals sign' } }] });
		expect(first.json('ServiceNow')[0].outcome).toBe('created');
		// Seeded incidents have other correlation IDs; none may be picked up.
		const again = await env.engine.run(upsert, { items: [{ json: { id: 'key=value', title: 'Equals sign' } }] });
		expect(again.json('ServiceNow')[0]).toEqual(expect.objectContaining({ outcome: 'existing', number: first.json('ServiceNow')[0].number }));
		const other = await env.engine.run(upsert, { items: [{ json: { id: 'key', title: 'Prefix only' } }] });
		expect(other.json('ServiceNow')[0].outcome).toBe('created');
	});

	it('keeps a Get Many filter to the intended records when the value carries query syntax', async () => {
		const query = async (shortDescription: string) =>
			await env.engine.run(
				serviceNowWorkflow({ resource: 'incident', operation: 'getMany', returnAll: true, filters: { shortDescription, active: true } }),
			);
		const safe = await query('Phishing');
		expect(safe.json('ServiceNow').map((i) => i.number)).toEqual(['INC0010001']);
		const widened = await query('Phishing^ORactive=true');
		expect(widened.error('ServiceNow')?.message).toContain('cannot be used in a ServiceNow query');
		expect(env.sandbox.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
		// A value with "=" is searched literally: nothing matches, rather than everything.
		const equals = await query('x=1');
		expect(equals.json('ServiceNow')).toEqual([]);
	});

	it('shows what an unescaped "^OR" would have done: the sandbox widens the query like ServiceNow', async () => {
		const raw = await env.engine.run(
			serviceNowWorkflow({ resource: 'incident', operation: 'getMany', returnAll: true, filterBy: 'query', query: 'correlation_id=x^ORactive=true' }),
		);
		expect(raw.json('ServiceNow').length).toBeGreaterThan(1);
	});

	it('refuses table names and sys_ids that would change the request path', async () => {
		const bad = await env.engine.run(
			serviceNowWorkflow({ resource: 'tableRecord', operation: 'get', table: 'incident/../sys_user', sysId: '46d44a23a9fe19810012d100cca80666' }),
		);
		expect(bad.error('ServiceNow')?.message).toContain('is not a valid identifier');
		const badId = await env.engine.run(serviceNowWorkflow({ resource: 'tableRecord', operation: 'get', table: 'incident', sysId: '../sys_user' }));
		expect(badId.error('ServiceNow')?.message).toContain('Sys ID');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
