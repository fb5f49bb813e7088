import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { Engine } from '../harness';
import { MODES, XSOAR_NODE, modePath, xsoarEngine, xsoarState, xsoarWorkflow } from './helpers';
import type { Mode } from './helpers';

describe.each(MODES)('Cortex XSOAR incidents and War Room through n8n-core WorkflowExecute (%s)', (mode: Mode) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = xsoarEngine(sandbox, mode);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const run = async (parameters: IDataObject, items: IDataObject[] = [{}], onError?: string) =>
		await engine.run(xsoarWorkflow({ resource: 'incident', ...parameters }, { onError }), { items: items.map((json) => ({ json })) });
	const ok = async (parameters: IDataObject) => {
		const result = await run(parameters);
		expect(result.error(XSOAR_NODE)?.message).toBeUndefined();
		return result.json(XSOAR_NODE);
	};
	const state = () => xsoarState(sandbox);
	const calls = () => sandbox.requests.filter((r) => r.vendor === 'xsoar').map((r) => `${r.method} ${r.path}`);

	it('creates an incident with type, severity by name, details, labels, custom fields, owner and playbook', async () => {
		const [incident] = await ok({
			operation: 'create',
			name: 'Impossible travel for alice',
			severity: 'high',
			incidentType: 'Access',
			startInvestigation: true,
			additionalFields: {
				details: 'Sign-ins from Paris and Sydney',
				owner: 'alice',
				playbookId: 'Access Investigation',
				labels: { label: [{ type: 'Instance', value: 'n8n' }] },
				customFields: '{"externalkey": "WB-77"}',
			},
		});
		expect(incident).toEqual(expect.objectContaining({ name: 'Impossible travel for alice', severity: 3, type: 'Access', owner: 'alice', status: 1 }));
		const stored = state().incidents.find((i) => i.id === incident.id)!;
		expect(stored.CustomFields).toEqual({ externalkey: 'WB-77' });
		expect(stored.labels).toEqual([{ type: 'Instance', value: 'n8n' }]);
		expect(stored.playbookId).toBe('Access Investigation');
		expect(state().investigations.has(stored.id)).toBe(true);
		expect(calls()).toEqual([`POST ${modePath(mode, '/incident', 'public')}`]);
	});

	it('accepts severities as numbers from expressions and refuses unknown ones before sending', async () => {
		const [info] = await ok({ operation: 'create', name: 'Info', severity: '={{ 0.5 }}' });
		expect(info.severity).toBe(0.5);
		const bad = await run({ operation: 'create', name: 'Bad', severity: '={{ "severe" }}' });
		expect(bad.error(XSOAR_NODE)?.message).toBe('Severity "severe" is not an XSOAR severity');
		expect(calls()).toHaveLength(1);
	});

	it('gets an incident by ID and explains a missing one', async () => {
		const [incident] = await ok({ operation: 'get', incidentId: '2' });
		expect(incident).toEqual(expect.objectContaining({ id: '2', name: 'Malware on WS-0042' }));
		const missing = await run({ operation: 'get', incidentId: '999' });
		expect(missing.error(XSOAR_NODE)?.message).toBe('Cortex XSOAR has no incident 999');
		const body = sandbox.requests[0].body as { filter: IDataObject };
		// `size` is always sent: XSOAR's default of 0 returns nothing.
		expect(body.filter).toEqual(expect.objectContaining({ id: ['2'], page: 0, size: 1 }));
	});

	it('searches with the query builder: statuses, severities, types, owner, quoted field values, raw query', async () => {
		const active = await ok({ operation: 'search', returnAll: true, filters: { statuses: [1] }, sortBy: 'id', sortDirection: 'asc' });
		expect(active.map((i) => i.id)).toEqual(['1', '2', '5']);
		const malware = await ok({ operation: 'search', returnAll: true, filters: { types: 'Malware', severities: ['critical'] } });
		expect(malware.map((i) => i.id)).toEqual(['5']);
		const owned = await ok({ operation: 'search', returnAll: true, filters: { owner: 'alice', rawQuery: 'severity:>=3' } });
		expect(owned.map((i) => i.id)).toEqual(['5']);
		const byKey = await ok({ operation: 'search', returnAll: true, filters: { fieldConditions: { condition: [{ field: 'externalkey', value: 'WB-1001' }] } } });
		expect(byKey.map((i) => i.id)).toEqual(['2']);
		// A value from alert data that tries to widen the query stays one quoted phrase.
		const injected = await ok({ operation: 'search', returnAll: true, filters: { owner: 'x" OR owner:"alice' } });
		expect(injected).toEqual([]);
		const queries = sandbox.requests.map((r) => (r.body as { filter: IDataObject }).filter.query);
		expect(queries).toContain('owner:"x\\" OR owner:\\"alice"');
	});

	it('pages through all incidents (Return All) and stops at Limit; created within a period', async () => {
		const now = Date.now();
		for (let i = 0; i < 230; i++) {
			state().incidents.push({ ...state().incidents[0], id: String(100 + i), name: `Bulk ${i}`, created: new Date(now - i * 1000).toISOString() });
		}
		const all = await ok({ operation: 'search', returnAll: true, filters: {} });
		expect(all).toHaveLength(235);
		expect(new Set(all.map((i) => i.id)).size).toBe(235);
		const pages = sandbox.requests.map((r) => (r.body as { filter: IDataObject }).filter.page);
		expect(pages).toEqual([0, 1, 2]);
		sandbox.requests.length = 0;
		const limited = await ok({ operation: 'search', returnAll: false, limit: 7, filters: {} });
		expect(limited.map((i) => i.name)).toEqual(['Bulk 0', 'Bulk 1', 'Bulk 2', 'Bulk 3', 'Bulk 4', 'Bulk 5', 'Bulk 6']);
		expect((sandbox.requests[0].body as { filter: IDataObject }).filter.size).toBe(7);
		const recent = await ok({ operation: 'search', returnAll: true, filters: { createdWithin: { period: { amount: 12, unit: 'hour' } } } });
		expect(recent.map((i) => i.id)).not.toContain('1');
		expect(recent.map((i) => i.id)).toContain('5');
	});

	it('updates an incident by read-modify-write, keeping custom fields, and retries after a version conflict', async () => {
		const [updated] = await ok({ operation: 'update', incidentId: '2', updateFields: { severity: 'critical', customFields: '{"scanip": "10.0.0.9"}' } });
		expect(updated).toEqual(expect.objectContaining({ severity: 4, version: 2 }));
		expect(state().incidents[1].CustomFields).toEqual({ externalkey: 'WB-1001', scanip: '10.0.0.9' });
		// Another analyst changes the incident right after our read, twice: our writes meet version conflicts, each
		// re-read re-applies our change on top of theirs, and their change is kept.
		await sandbox.runAction('xsoar', 'concurrentEdit', { id: '2', times: 2, changes: { owner: 'bob', details: 'edited by bob' } });
		sandbox.requests.length = 0;
		const [retried] = await ok({ operation: 'update', incidentId: '2', updateFields: { name: 'Malware on WS-0042 (contained)' } });
		expect(retried).toEqual(expect.objectContaining({ name: 'Malware on WS-0042 (contained)', owner: 'bob', details: 'edited by bob', severity: 4 }));
		expect(calls().filter((c) => c.endsWith('/incident'))).toHaveLength(3);
		expect(sandbox.requests.filter((r) => r.path.endsWith('/incident')).map((r) => r.status)).toEqual([400, 400, 200]);
		const none = await run({ operation: 'update', incidentId: '2', updateFields: {} });
		expect(none.error(XSOAR_NODE)?.message).toBe('No field to update');
	});

	it('closes an incident with reason and notes; its War Room then refuses entries with a clear error', async () => {
		const [closed] = await ok({ operation: 'close', incidentId: '1', closeReason: 'False Positive', closeNotes: 'Sender verified' });
		expect(closed).toEqual(expect.objectContaining({ status: 2, closeReason: 'False Positive', closeNotes: 'Sender verified' }));
		const entry = await engine.run(xsoarWorkflow({ resource: 'warRoom', operation: 'addEntry', incidentId: '1', entry: 'late note' }));
		const error = entry.error(XSOAR_NODE);
		expect(error?.message).toBe('Cortex XSOAR: Investigation 1 is closed');
		expect(error?.description).toContain('reopen the incident');
		expect(error?.httpCode).toBe('412');
	});

	it('adds War Room entries; a pending incident is investigated first', async () => {
		const result = await engine.run(xsoarWorkflow({ resource: 'warRoom', operation: 'addEntry', incidentId: '4', entry: '**Blocked** 10.0.0.7', markdown: true }));
		expect(result.error(XSOAR_NODE)?.message).toBeUndefined();
		const [entry] = result.json(XSOAR_NODE);
		expect(entry).toEqual(expect.objectContaining({ investigationId: '4', contents: '**Blocked** 10.0.0.7', format: 'markdown' }));
		expect(calls()).toEqual([
			`POST ${modePath(mode, '/entry')}`,
			`POST ${modePath(mode, '/incidents/search', 'public')}`,
			`POST ${modePath(mode, '/incident/investigate')}`,
			`POST ${modePath(mode, '/entry')}`,
		]);
		expect(state().incidents[3].status).toBe(1);
		const without = await engine.run(
			xsoarWorkflow({ resource: 'warRoom', operation: 'addEntry', incidentId: '3', entry: 'x', startInvestigation: false }),
		);
		expect(without.error(XSOAR_NODE)?.message).toBe('Cortex XSOAR: Investigation 3 is closed');
	});

	it('runs a playbook on an incident, investigating a pending one first; a closed one is refused', async () => {
		const [incident] = await ok({ operation: 'runPlaybook', incidentId: '4', playbookId: 'Block IP - Generic v3' });
		expect(incident).toEqual(expect.objectContaining({ id: '4', status: 1, playbookId: 'Block IP - Generic v3', playbookRun: { id: '4', playbookId: 'Block IP - Generic v3' } }));
		expect(calls().filter((c) => c.includes('/inv-playbook/'))).toEqual([
			`POST ${modePath(mode, '/inv-playbook/new/Block%20IP%20-%20Generic%20v3/4')}`,
			`POST ${modePath(mode, '/inv-playbook/new/Block%20IP%20-%20Generic%20v3/4')}`,
		]);
		const closed = await run({ operation: 'runPlaybook', incidentId: '3', playbookId: 'x' });
		expect(closed.error(XSOAR_NODE)?.httpCode).toBe('412');
		const bad = await run({ operation: 'runPlaybook', incidentId: '1', playbookId: '../admin' });
		expect(bad.error(XSOAR_NODE)?.message).toBe('Playbook ID "../admin" is not a valid identifier');
	});

	it('investigates a pending incident', async () => {
		const [incident] = await ok({ operation: 'investigate', incidentId: '4' });
		expect(incident).toEqual(expect.objectContaining({ id: '4', status: 1, investigationId: '4' }));
	});

	it('refuses bad input before sending, and Continue On Fail pairs the error with its item', async () => {
		const result = await run({ operation: 'get', incidentId: '={{ $json.id }}' }, [{ id: '../user' }, { id: '2' }, { id: null }], 'continueRegularOutput');
		const out = result.output(XSOAR_NODE);
		expect(out.map((i) => [i.json.error ?? i.json.id, i.pairedItem])).toEqual([
			['Incident ID "../user" is not a valid identifier', { item: 0 }],
			['2', { item: 1 }],
			['Incident ID is null, not an ID', { item: 2 }],
		]);
		const empty = await run({ operation: 'search', filters: { owner: '={{ $json.owner }}' } }, [{ owner: '' }]);
		expect(empty.error(XSOAR_NODE)?.message).toBe('Owner is empty');
		expect(calls()).toEqual([`POST ${modePath(mode, '/incidents/search', 'public')}`]);
	});
});
