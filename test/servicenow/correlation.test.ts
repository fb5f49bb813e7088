import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { incidents, journal, serviceNowWorkflow } from './helpers';

const workflow = (duplicateHandling = 'resolve') =>
	serviceNowWorkflow({
		resource: 'incident',
		operation: 'createOrUpdate',
		correlationId: '={{ $json.alertId }}',
		shortDescription: '={{ "Alert " + $json.alertId }}',
		note: '={{ "Seen again: run " + $json.run }}',
		additionalFields: { impact: 'medium', urgency: 'high' },
		options: { duplicateHandling },
	});

describe('ServiceNow Create or Update by Correlation ID (de-duplication)', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const runAlert = async (alertId: string, run: number, handling?: string) => {
		const result = await env.engine.run(workflow(handling), { items: [{ json: { alertId, run } }] });
		expect(result.error('ServiceNow')).toBeUndefined();
		return result.json('ServiceNow')[0];
	};

	it('creates once, then adds work notes to the open incident', async () => {
		const first = await runAlert('alert-a', 1);
		expect(first).toEqual(expect.objectContaining({ outcome: 'created', number: 'INC0010009', correlation_id: 'alert-a', priority: '2' }));
		const second = await runAlert('alert-a', 2);
		expect(second).toEqual(expect.objectContaining({ outcome: 'existing', number: 'INC0010009' }));
		expect(journal(env.sandbox, first.sys_id as string).map((j) => j.value)).toEqual(['Seen again: run 2']);
	});

	it('opens a new incident when the one for the correlation ID is resolved', async () => {
		const first = await runAlert('alert-b', 1);
		await env.engine.run(
			serviceNowWorkflow({ resource: 'incident', operation: 'resolve', incident: { __rl: true, mode: 'id', value: first.sys_id }, closeCode: 'Solution provided', closeNotes: 'done' }),
		);
		const again = await runAlert('alert-b', 2);
		expect(again.outcome).toBe('created');
		expect(again.number).not.toBe(first.number);
	});

	it.each(['resolve', 'delete'])(
		'50 runs for 10 IDs, with a same-moment pair and a lost create answer, leave 10 open incidents (duplicates: %s)',
		async (handling) => {
			const ids = Array.from({ length: 10 }, (_, n) => `okta-evt-${1000 + n}`);
			const outcomes: Array<Record<string, unknown>> = [];
			let run = 0;
			// The create POST for the first new ID succeeds on the server, but the client never hears back.
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', path: '^/api/now/table/incident$', kind: 'timeoutAfterHandling', times: 1 });
			// Two executions of the same new ID at the same moment (queue mode: no shared lock), twice.
			for (const id of [ids[1], ids[2]]) {
				const pair = await Promise.all([
					env.engine.run(workflow(handling), { items: [{ json: { alertId: id, run: ++run } }] }),
					env.engine.run(workflow(handling), { items: [{ json: { alertId: id, run: ++run } }] }),
				]);
				for (const result of pair) {
					expect(result.error('ServiceNow')).toBeUndefined();
					outcomes.push(result.json('ServiceNow')[0]);
				}
			}
			while (run < 50) outcomes.push(await runAlert(ids[run % 10], ++run, handling));

			const open = incidents(env.sandbox).filter((i) => ids.includes(i.correlation_id) && !['6', '7', '8'].includes(i.state));
			expect(open.map((i) => i.correlation_id).sort()).toEqual([...ids].sort());
			expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(10);
			expect(outcomes.filter((o) => o.outcome === 'existing')).toHaveLength(40);
			// Every run that did not create left its note on the one open incident for its ID.
			const notes = open.flatMap((i) => journal(env.sandbox, i.sys_id)).filter((j) => j.value.startsWith('Seen again'));
			expect(notes).toHaveLength(40);
			// Each output names the surviving incident.
			for (const o of outcomes) expect(open.map((i) => i.number)).toContain(o.number);

			// The lost answer: the create landed, the node verified it by sys_id instead of creating again.
			const lost = env.sandbox.requests.find((r) => r.method === 'POST' && r.status === -1);
			expect(lost).toBeDefined();
			const lostSysId = (lost?.body as Record<string, string>).sys_id;
			expect(env.sandbox.requests.some((r) => r.method === 'GET' && r.path === `/api/now/table/incident/${lostSysId}`)).toBe(true);

			// The same-moment pairs really raced (both created), and the newer was merged into the older.
			const duplicates = incidents(env.sandbox).filter((i) => ids.includes(i.correlation_id) && !open.includes(i));
			const raced = env.sandbox.requests.filter((r) => r.method === 'POST' && [ids[1], ids[2]].includes((r.body as Record<string, string>).correlation_id));
			expect(raced.length).toBeGreaterThanOrEqual(3);
			if (handling === 'delete') {
				expect(duplicates).toHaveLength(0);
				expect(incidents(env.sandbox).filter((i) => ids.includes(i.correlation_id))).toHaveLength(10);
			} else {
				expect(duplicates.length).toBe(raced.length - 2);
				for (const d of duplicates) {
					expect(d).toEqual(expect.objectContaining({ state: '6', close_code: 'Duplicate' }));
					const survivor = open.find((i) => i.correlation_id === d.correlation_id)!;
					expect(Number(survivor.number.slice(3))).toBeLessThan(Number(d.number.slice(3)));
					expect(d.close_notes).toContain(survivor.number);
				}
			}
		},
	);
});
