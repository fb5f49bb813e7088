import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { Engine } from '../harness';
import { MODES, XSOAR_NODE, xsoarEngine, xsoarState, xsoarWorkflow } from './helpers';
import type { Mode } from './helpers';

const findOrCreate = {
	resource: 'incident',
	operation: 'findOrCreate',
	externalKey: '={{ $json.alertId }}',
	name: '={{ "Vision One workbench " + $json.alertId }}',
	severity: '={{ $json.severity }}',
	incidentType: 'Malware',
	repeatEntry: '={{ "Repeat " + $json.run + " of " + $json.alertId }}',
};

describe.each(MODES)('Cortex XSOAR Find or Create by external key (%s)', (mode: Mode) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = xsoarEngine(sandbox, mode);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const state = () => xsoarState(sandbox);
	const withKey = (key: string) => state().incidents.filter((i) => i.CustomFields.externalkey === key);
	const runAlert = async (alertId: string, run: number, severity = 'high') => {
		const result = await engine.run(xsoarWorkflow(findOrCreate), { items: [{ json: { alertId, run, severity } }] });
		expect(result.error(XSOAR_NODE)?.message).toBeUndefined();
		return result.json(XSOAR_NODE)[0];
	};
	const entriesOf = (id: string) => state().investigations.get(id)?.entries.map((e) => e.contents) ?? [];

	it('creates once, then every repeat becomes a War Room entry on the open incident', async () => {
		const first = await runAlert('WB-9001', 1);
		expect(first).toEqual(expect.objectContaining({ outcome: 'created', name: 'Vision One workbench WB-9001', severity: 3, type: 'Malware' }));
		const second = await runAlert('WB-9001', 2);
		expect(second).toEqual(expect.objectContaining({ outcome: 'existing', id: first.id, repeatEntryId: expect.any(String) }));
		expect(entriesOf(first.id as string)).toEqual(['Repeat 2 of WB-9001']);
		// The key of a seeded incident: found, not created.
		const seeded = await runAlert('WB-1001', 3);
		expect(seeded).toEqual(expect.objectContaining({ outcome: 'existing', id: '2' }));
	});

	it('50 runs, 25 of them in same-moment pairs and one with a lost create answer, leave exactly one open incident and 49 entries', async () => {
		const key = 'WB-4242';
		const outcomes: IDataObject[] = [];
		let run = 0;
		// The first create lands on the server, but the client never hears back: the confirm search finds it.
		sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/incident$', kind: 'timeoutAfterHandling', times: 1 });
		outcomes.push(await runAlert(key, ++run));
		expect(withKey(key)).toHaveLength(1);
		// Same-moment pairs (queue mode, no shared lock): both find the open incident, each adds its own entry.
		for (let pair = 0; pair < 12; pair++) {
			const both = await Promise.all([runAlert(key, ++run), runAlert(key, ++run)]);
			outcomes.push(...both);
		}
		while (run < 50) outcomes.push(await runAlert(key, ++run));
		const open = withKey(key).filter((i) => i.status !== 2);
		expect(open).toHaveLength(1);
		expect(withKey(key)).toHaveLength(1);
		expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(1);
		expect(outcomes.filter((o) => o.outcome === 'existing')).toHaveLength(49);
		expect(new Set(outcomes.map((o) => o.id))).toEqual(new Set([open[0].id]));
		const entries = entriesOf(open[0].id);
		expect(entries).toHaveLength(49);
		expect(new Set(entries).size).toBe(49);
	});

	it('concurrent pairs on a new key converge: a run that created a younger duplicate closes it and writes to the survivor', async () => {
		let duplicatesClosed = 0;
		for (let pair = 0; pair < 10; pair++) {
			const key = `WB-PAIR-${pair}`;
			const both = await Promise.all([runAlert(key, 1), runAlert(key, 2)]);
			const all = withKey(key);
			const open = all.filter((i) => i.status !== 2);
			expect(open).toHaveLength(1);
			for (const closed of all.filter((i) => i.status === 2)) {
				duplicatesClosed++;
				expect(closed).toEqual(expect.objectContaining({ closeReason: 'Duplicate', closeNotes: expect.stringContaining(`incident ${open[0].id}`) }));
			}
			expect(both.map((o) => o.id)).toEqual([open[0].id, open[0].id]);
			expect(both.map((o) => o.outcome).sort()).toEqual(['created', 'existing']);
			expect(entriesOf(open[0].id)).toHaveLength(1);
		}
		// The race really happened (both runs created) at least once, so the backstop was exercised.
		expect(duplicatesClosed).toBeGreaterThan(0);
	});

	it('closes newer open duplicates someone else opened for the key, keeping the oldest', async () => {
		const first = await runAlert('WB-7', 1);
		const manual = state().incidents.find((i) => i.id === first.id)!;
		state().incidents.push({ ...structuredClone(manual), id: '500', created: new Date(Date.now() + 1000).toISOString() });
		const repeat = await runAlert('WB-7', 2);
		expect(repeat).toEqual(expect.objectContaining({ outcome: 'existing', id: first.id, closedDuplicates: ['500'] }));
		expect(state().incidents.find((i) => i.id === '500')?.status).toBe(2);
	});

	it('a closed incident for the key does not count: the next alert opens a new one', async () => {
		const first = await runAlert('WB-8', 1);
		await engine.run(xsoarWorkflow({ resource: 'incident', operation: 'close', incidentId: first.id as string, closeReason: 'Resolved' }));
		const next = await runAlert('WB-8', 2);
		expect(next.outcome).toBe('created');
		expect(next.id).not.toBe(first.id);
	});

	it('refuses an empty key or a field name that is not one before sending anything', async () => {
		const empty = await engine.run(xsoarWorkflow(findOrCreate), { items: [{ json: { alertId: '  ', run: 1, severity: 'low' } }] });
		expect(empty.error(XSOAR_NODE)?.message).toBe('External Key is empty');
		const badField = await engine.run(xsoarWorkflow({ ...findOrCreate, externalKeyField: 'external key:"x"' }), { items: [{ json: { alertId: 'A', run: 1, severity: 'low' } }] });
		expect(badField.error(XSOAR_NODE)?.message).toBe('External Key Field "external key:"x"" is not an XSOAR field name');
		expect(sandbox.requests).toHaveLength(0);
	});
});
