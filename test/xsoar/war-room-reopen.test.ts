import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { Engine } from '../harness';
import { MODES, XSOAR_NODE, modePath, xsoarEngine, xsoarState, xsoarWorkflow } from './helpers';
import type { Mode } from './helpers';

describe.each(MODES)('Cortex XSOAR Reopen and War Room Get Entries through n8n-core WorkflowExecute (%s)', (mode: Mode) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = xsoarEngine(sandbox, mode);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const run = async (parameters: IDataObject, items: IDataObject[] = [{}], onError?: string) =>
		await engine.run(xsoarWorkflow(parameters, { onError }), { items: items.map((json) => ({ json })) });
	const ok = async (parameters: IDataObject) => {
		const result = await run(parameters);
		expect(result.error(XSOAR_NODE)?.message).toBeUndefined();
		return result.json(XSOAR_NODE);
	};
	const state = () => xsoarState(sandbox);
	const calls = () => sandbox.requests.filter((r) => r.vendor === 'xsoar').map((r) => `${r.method} ${r.path}`);
	const entries = (parameters: IDataObject) => ok({ resource: 'warRoom', operation: 'getEntries', ...parameters });

	it('reopens a closed incident: active again, close reason cleared, version bumped, and its War Room takes entries again', async () => {
		const before = structuredClone(state().incidents[2]);
		expect(before.status).toBe(2);
		const [incident] = await ok({ resource: 'incident', operation: 'reopen', incidentId: '3' });
		expect(incident).toEqual(expect.objectContaining({ id: '3', status: 1, closeReason: '', closed: '0001-01-01T00:00:00Z' }));
		const stored = state().incidents[2];
		expect(stored.version).toBe(before.version + 1);
		expect(state().investigations.get('3')!.status).toBe(0);
		const reopen = sandbox.requests.find((r) => r.path.endsWith('/reopen'))!;
		// The path Palo Alto's content posts to: a literal ":id", the incident in the body.
		expect(reopen.path).toBe(modePath(mode, '/investigation/:id/reopen'));
		expect(reopen.body).toEqual({ id: '3', version: -1 });
		const [entry] = await ok({ resource: 'warRoom', operation: 'addEntry', incidentId: '3', entry: 'Reopened: dave\'s VPN story did not hold' });
		expect(entry).toEqual(expect.objectContaining({ investigationId: '3', contents: 'Reopened: dave\'s VPN story did not hold' }));
	});

	it('Close names Reopen as its reverse, and a closed-then-reopened incident can be closed again', async () => {
		await ok({ resource: 'incident', operation: 'close', incidentId: '1', closeReason: 'Resolved', closeNotes: 'done' });
		await ok({ resource: 'incident', operation: 'reopen', incidentId: '1' });
		const [closed] = await ok({ resource: 'incident', operation: 'close', incidentId: '1', closeReason: 'False Positive', closeNotes: 'again' });
		expect(closed).toEqual(expect.objectContaining({ status: 2, closeReason: 'False Positive' }));
	});

	it('reopening an incident that is not closed is the vendor\'s refusal, as a NodeApiError with its message', async () => {
		const result = await run({ resource: 'incident', operation: 'reopen', incidentId: '1' });
		const error = result.error(XSOAR_NODE);
		expect(error?.message).toBe('Cortex XSOAR: Incident 1 is not closed');
		expect(error?.httpCode).toBe('400');
		expect(error?.name).toBe('NodeApiError');
		expect(state().incidents[0].status).toBe(1);
	});

	it('Reopen with Dry Run returns the request and sends nothing', async () => {
		const [preview] = await ok({ resource: 'incident', operation: 'reopen', incidentId: '3', dryRun: true });
		expect(preview).toEqual(expect.objectContaining({ dryRun: true, method: 'POST', body: { id: '3', version: -1 } }));
		expect(String(preview.url)).toMatch(new RegExp(`${modePath(mode, '/investigation/:id/reopen').replace(/\//g, '\\/')}$`));
		expect(calls()).toEqual([]);
		expect(state().incidents[2].status).toBe(2);
	});

	it('a reopen whose answer is lost is settled by reading the incident, not sent twice', async () => {
		sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/reopen$', kind: 'timeoutAfterHandling', times: 1 });
		const [incident] = await ok({ resource: 'incident', operation: 'reopen', incidentId: '3' });
		expect(incident).toEqual(expect.objectContaining({ id: '3', status: 1 }));
		expect(calls().filter((c) => c.endsWith('/reopen'))).toHaveLength(1);
	});

	it('a reopen that failed with a 500 before landing is sent again once the incident reads as still closed', async () => {
		sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/reopen$', kind: 'status', status: 500, times: 1 });
		const [incident] = await ok({ resource: 'incident', operation: 'reopen', incidentId: '3' });
		expect(incident).toEqual(expect.objectContaining({ id: '3', status: 1 }));
		expect(sandbox.requests.filter((r) => r.path.endsWith('/reopen')).map((r) => r.status)).toEqual([500, 200]);
	});

	it('an entry whose answer was lost is found in the War Room and not added twice', async () => {
		sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/entry$', kind: 'timeoutAfterHandling', times: 1 });
		const [entry] = await ok({ resource: 'warRoom', operation: 'addEntry', incidentId: '1', entry: 'Lost answer, one entry' });
		expect(entry).toEqual(expect.objectContaining({ contents: 'Lost answer, one entry' }));
		expect(state().investigations.get('1')!.entries.filter((e) => e.contents === 'Lost answer, one entry')).toHaveLength(1);
		expect(calls().filter((c) => c.endsWith('/entry'))).toHaveLength(1);
	});

	it('an entry that failed before landing is sent again once the War Room shows it is not there', async () => {
		sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/entry$', kind: 'status', status: 500, times: 1 });
		await ok({ resource: 'warRoom', operation: 'addEntry', incidentId: '1', entry: 'Sent again' });
		expect(state().investigations.get('1')!.entries.filter((e) => e.contents === 'Sent again')).toHaveLength(1);
		expect(sandbox.requests.filter((r) => r.path.endsWith('/entry')).map((r) => r.status)).toEqual([500, 200]);
	});

	it('a read of entries whose answer is lost is asked again', async () => {
		sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/investigation/3$', kind: 'status', status: 502, times: 1 });
		expect(await entries({ incidentId: '3' })).toHaveLength(3);
		expect(sandbox.requests.map((r) => r.status)).toEqual([502, 200]);
	});

	it('gets the entries of a closed investigation, simplified, oldest first', async () => {
		const got = await entries({ incidentId: '3' });
		expect(got).toEqual([
			{ id: '1@3', created: expect.any(String), user: 'alice', contents: 'Sign-in from Lagos, then Oslo within 40 minutes', tags: ['evidence'], note: false },
			{ id: '2@3', created: expect.any(String), user: 'alice', contents: 'Confirmed with dave: he was travelling with a VPN', tags: [], note: false },
			{ id: '3@3', created: expect.any(String), user: 'alice', contents: 'VPN exit node 198.51.100.7 matches the second sign-in', tags: ['evidence', 'network'], note: false },
		]);
		const request = sandbox.requests[0];
		expect(`${request.method} ${request.path}`).toBe(`POST ${modePath(mode, '/investigation/3')}`);
		expect(request.body).toEqual({ pageSize: 50 });
		const [raw] = await entries({ incidentId: '3', limit: 1, simplify: false });
		expect(raw).toEqual(expect.objectContaining({ id: '1@3', investigationId: '3', type: 1, format: 'text', modified: expect.any(String), version: 1 }));
	});

	it('filters by tags and from a time, and sends the limit as pageSize', async () => {
		const tagged = await entries({ incidentId: '3', filters: { tags: ' network , evidence' } });
		expect(tagged.map((e) => e.id)).toEqual(['1@3', '3@3']);
		expect(sandbox.requests.at(-1)!.body).toEqual({ pageSize: 50, tags: ['network', 'evidence'] });
		const second = state().investigations.get('3')!.entries[1].created;
		const later = await entries({ incidentId: '3', limit: 1, filters: { fromTime: second } });
		expect(later.map((e) => e.id)).toEqual(['2@3']);
		expect(sandbox.requests.at(-1)!.body).toEqual({ pageSize: 1, fromTime: new Date(second).toISOString() });
		const both = await entries({ incidentId: '3', filters: { tags: 'evidence', fromTime: second } });
		expect(both.map((e) => e.id)).toEqual(['3@3']);
	});

	it('reads entries written through Add Entry on an open incident, up to 200 at a time', async () => {
		await ok({ resource: 'warRoom', operation: 'addEntry', incidentId: '1', entry: 'first' });
		await ok({ resource: 'warRoom', operation: 'addEntry', incidentId: '1', entry: 'second' });
		expect((await entries({ incidentId: '1' })).map((e) => e.contents)).toEqual(['first', 'second']);
		const investigation = state().investigations.get('1')!;
		const template = investigation.entries[0];
		for (let n = 0; n < 250; n++) investigation.entries.push({ ...template, id: `${100 + n}@1`, contents: `bulk ${n}` });
		const page = await entries({ incidentId: '1', limit: 200 });
		expect(page).toHaveLength(200);
		expect(page[199].contents).toBe('bulk 197');
	});

	it('a pending incident has no War Room yet: XSOAR\'s refusal, as a NodeApiError', async () => {
		const result = await run({ resource: 'warRoom', operation: 'getEntries', incidentId: '4' });
		expect(result.error(XSOAR_NODE)?.message).toBe('Cortex XSOAR: Could not find investigations with id [4]');
		expect(result.error(XSOAR_NODE)?.httpCode).toBe('403');
		expect(result.error(XSOAR_NODE)?.name).toBe('NodeApiError');
		expect(result.error(XSOAR_NODE)?.description).toContain('Incident › Investigate');
	});

	it('refuses bad input before sending, and Continue On Fail pairs each error with its item', async () => {
		const result = await run(
			{ resource: 'warRoom', operation: 'getEntries', incidentId: '={{ $json.id }}', limit: '={{ $json.limit }}', filters: { tags: '={{ $json.tags }}', fromTime: '={{ $json.from }}' } },
			[
				{ id: '../3', limit: 5, tags: 'a', from: '2026-01-01T00:00:00Z' },
				{ id: '3', limit: 0, tags: 'a', from: '2026-01-01T00:00:00Z' },
				{ id: '3', limit: 201, tags: 'a', from: '2026-01-01T00:00:00Z' },
				{ id: '3', limit: 5, tags: '', from: '2026-01-01T00:00:00Z' },
				{ id: '3', limit: 5, tags: 'a,,b', from: '2026-01-01T00:00:00Z' },
				{ id: '3', limit: 5, tags: null, from: '2026-01-01T00:00:00Z' },
				{ id: '3', limit: 5, tags: 'a', from: 'last tuesday' },
				{ id: '3', limit: 5, tags: 'evidence', from: '2020-01-01T00:00:00Z' },
			],
			'continueRegularOutput',
		);
		const out = result.output(XSOAR_NODE);
		expect(out.map((i) => [i.json.error ?? i.json.id, i.pairedItem])).toEqual([
			['Incident ID "../3" is not a valid identifier', { item: 0 }],
			['Limit 0 is not a number from 1 to 200', { item: 1 }],
			['Limit 201 is not a number from 1 to 200', { item: 2 }],
			['Tags has an empty tag', { item: 3 }],
			['Tags has an empty tag', { item: 4 }],
			['A tag is null, not text', { item: 5 }],
			['From Time "last tuesday" is not a date and time', { item: 6 }],
			['1@3', { item: 7 }],
			['3@3', { item: 7 }],
		]);
		expect(calls()).toEqual([`POST ${modePath(mode, '/investigation/3')}`]);
		const reopen = await run({ resource: 'incident', operation: 'reopen', incidentId: '={{ $json.id }}' }, [{ id: '' }]);
		expect(reopen.error(XSOAR_NODE)?.message).toBe('Incident ID is empty');
		expect(reopen.error(XSOAR_NODE)?.name).toBe('NodeOperationError');
		expect(calls()).toHaveLength(1);
	});
});
