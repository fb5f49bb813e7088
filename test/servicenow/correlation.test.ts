import { createHash } from 'node:crypto';
import { sleep } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { writeRecord } from '../../sandbox/vendors/servicenow/records';
import { incidents, journal, serviceNowWorkflow, snState } from './helpers';

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

/** The sys_id the node derives, written out independently so a change of scheme fails here. */
const expectedSysId = (correlationId: string, generation: string) =>
	createHash('sha256').update(`n8n-nodes-secops:${correlationId}:${generation}`).digest('hex').slice(0, 32);

const CLOSED = ['6', '7', '8'];

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
	const forId = (id: string) => incidents(env.sandbox).filter((i) => i.correlation_id === id);
	const creates = () => env.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/now/table/incident');
	const resolve = async (sysId: string) =>
		await env.engine.run(
			serviceNowWorkflow({ resource: 'incident', operation: 'resolve', incident: { __rl: true, mode: 'id', value: sysId }, closeCode: 'Solution provided', closeNotes: 'done' }),
		);

	it('creates once with the derived sys_id, then adds work notes to the open incident', async () => {
		const first = await runAlert('alert-a', 1);
		expect(first).toEqual(
			expect.objectContaining({ outcome: 'created', number: 'INC0010009', correlation_id: 'alert-a', priority: '2', sys_id: expectedSysId('alert-a', 'first') }),
		);
		const second = await runAlert('alert-a', 2);
		expect(second).toEqual(expect.objectContaining({ outcome: 'existing', number: 'INC0010009' }));
		expect(journal(env.sandbox, first.sys_id as string).map((j) => j.value)).toEqual(['Seen again: run 2']);
		expect(forId('alert-a')).toHaveLength(1);
	});

	it('two executions of a brand-new ID at the same moment: one created, one existing, one incident', async () => {
		const pair = await Promise.all([1, 2].map(async (run) => await env.engine.run(workflow(), { items: [{ json: { alertId: 'alert-new', run } }] })));
		const outputs = pair.map((result) => {
			expect(result.error('ServiceNow')).toBeUndefined();
			return result.json('ServiceNow')[0];
		});
		expect(outputs.map((o) => o.outcome).sort()).toEqual(['created', 'existing']);
		const [only, ...others] = forId('alert-new');
		expect(others).toHaveLength(0);
		expect(only.sys_id).toBe(expectedSysId('alert-new', 'first'));
		for (const o of outputs) expect(o.number).toBe(only.number);
		// Both really tried to insert, with the same sys_id; the instance refused the second.
		const posts = creates();
		expect(posts).toHaveLength(2);
		expect(posts.map((p) => (p.body as Record<string, string>).sys_id)).toEqual([only.sys_id, only.sys_id]);
		expect(posts.map((p) => p.status).sort()).toEqual([201, 403]);
		// The loser's note is on the winner's incident.
		expect(journal(env.sandbox, only.sys_id).map((j) => j.value)).toEqual([expect.stringMatching(/^Seen again: run [12]$/)]);
	});

	it('opens a new incident (next generation) when the one for the correlation ID is resolved, and again after that', async () => {
		const first = await runAlert('alert-b', 1);
		expect(first.sys_id).toBe(expectedSysId('alert-b', 'first'));
		expect((await resolve(first.sys_id as string)).error('ServiceNow')).toBeUndefined();

		const again = await runAlert('alert-b', 2);
		expect(again.outcome).toBe('created');
		expect(again.number).not.toBe(first.number);
		expect(again.sys_id).toBe(expectedSysId('alert-b', first.sys_id as string));
		// Repeats go to the new one, not to the resolved one.
		expect(await runAlert('alert-b', 3)).toEqual(expect.objectContaining({ outcome: 'existing', number: again.number }));
		expect(journal(env.sandbox, first.sys_id as string)).toHaveLength(0);

		expect((await resolve(again.sys_id as string)).error('ServiceNow')).toBeUndefined();
		const third = await runAlert('alert-b', 4);
		expect(third).toEqual(expect.objectContaining({ outcome: 'created', sys_id: expectedSysId('alert-b', again.sys_id as string) }));
		expect(forId('alert-b').map((i) => i.state)).toEqual(['6', '6', '1']);
	});

	it('deleting an older closed incident does not matter; a derived sys_id taken by another record falls back to a random one', async () => {
		const first = await runAlert('alert-c', 1);
		await resolve(first.sys_id as string);
		const second = await runAlert('alert-c', 2);
		await resolve(second.sys_id as string);
		const state = snState(env.sandbox);
		state.tables.incident = state.tables.incident.filter((i) => i.sys_id !== first.sys_id);
		// The generation is the newest closed incident (the second), unchanged by deleting the first.
		const third = await runAlert('alert-c', 3);
		expect(third).toEqual(expect.objectContaining({ outcome: 'created', sys_id: expectedSysId('alert-c', second.sys_id as string) }));

		// Someone re-keys the incident the node created for "alert-e", so the next alert finds none, but its derived
		// sys_id is taken: the instance refuses it and the node creates with a random sys_id instead.
		const taken = await runAlert('alert-e', 1);
		state.tables.incident.find((i) => i.sys_id === taken.sys_id)!.correlation_id = 'rekeyed-by-analyst';
		const fresh = await runAlert('alert-e', 2);
		expect(fresh.outcome).toBe('created');
		expect(fresh.sys_id).toMatch(/^[0-9a-f]{32}$/);
		expect(fresh.sys_id).not.toBe(taken.sys_id);
		expect(forId('alert-e').map((i) => i.sys_id)).toEqual([fresh.sys_id]);
		expect(creates().filter((r) => r.status === 403)).toHaveLength(1);
	});

	it.each(['resolve', 'delete'])(
		'50 runs for 10 IDs, with same-moment pairs and a lost create answer, leave exactly 10 incidents and 40 notes (duplicates: %s)',
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

			// The acceptance, literally: exactly 10 incident records for the 10 IDs, all open, one per ID.
			const all = incidents(env.sandbox).filter((i) => ids.includes(i.correlation_id));
			expect(all).toHaveLength(10);
			expect(all.map((i) => i.correlation_id).sort()).toEqual([...ids].sort());
			expect(all.filter((i) => CLOSED.includes(i.state))).toHaveLength(0);
			for (const i of all) expect(i.sys_id).toBe(expectedSysId(i.correlation_id, 'first'));
			expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(10);
			expect(outcomes.filter((o) => o.outcome === 'existing')).toHaveLength(40);
			expect(outcomes.filter((o) => o.merged_duplicates !== undefined)).toHaveLength(0);
			// The rest became work notes on them: 40, each run's own note exactly once.
			const notes = all.flatMap((i) => journal(env.sandbox, i.sys_id)).map((j) => j.value);
			expect(notes).toHaveLength(40);
			expect(new Set(notes).size).toBe(40);
			// Each output names the incident for its ID.
			for (const o of outcomes) expect(all.map((i) => i.number)).toContain(o.number);

			// The lost answer: the create landed, the node verified it by sys_id instead of creating again.
			const lost = creates().find((r) => r.status === -1);
			expect(lost).toBeDefined();
			const lostSysId = (lost?.body as Record<string, string>).sys_id;
			expect(env.sandbox.requests.some((r) => r.method === 'GET' && r.path === `/api/now/table/incident/${lostSysId}`)).toBe(true);

			// The same-moment pairs really raced: both inserted with the same sys_id, the instance refused the second.
			for (const id of [ids[1], ids[2]]) {
				const raced = creates().filter((r) => (r.body as Record<string, string>).correlation_id === id);
				expect(raced).toHaveLength(2);
				expect(new Set(raced.map((r) => (r.body as Record<string, string>).sys_id))).toEqual(new Set([expectedSysId(id, 'first')]));
				expect(raced.filter((r) => r.status === 403)).toHaveLength(1);
			}
			// No run resolved or deleted anything: there was nothing to repair.
			expect(env.sandbox.requests.filter((r) => r.method === 'DELETE' || (r.method === 'PATCH' && (r.body as Record<string, string>).state === '6'))).toHaveLength(0);
		},
	);

	it('backstop: an incident opened outside the node while the node creates is kept, ours is merged into it', async () => {
		// Hold the node's insert so that a hand-made incident for the same ID lands first (between lookup and insert).
		env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', path: '^/api/now/table/incident$', kind: 'latency', delayMs: 300, times: 1 });
		const running = env.engine.run(workflow(), { items: [{ json: { alertId: 'alert-d', run: 1 } }] });
		while (!creates().length) await sleep(5);
		const manual = writeRecord(snState(env.sandbox), 'incident', { short_description: 'Opened by hand', correlation_id: 'alert-d' }, 'admin');
		const result = await running;
		expect(result.error('ServiceNow')).toBeUndefined();
		const output = result.json('ServiceNow')[0];
		expect(output).toEqual(expect.objectContaining({ outcome: 'existing', number: manual.number }));
		const ours = forId('alert-d').find((i) => i.sys_id === expectedSysId('alert-d', 'first'))!;
		expect(ours).toEqual(expect.objectContaining({ state: '6', close_code: 'Duplicate' }));
		expect(ours.close_notes).toContain(manual.number);
		expect(output.merged_duplicates).toEqual([ours.number]);
		expect(journal(env.sandbox, manual.sys_id).map((j) => j.value)).toEqual(['Seen again: run 1']);
	});

	it('a lost insert answer while a concurrent run inserted the same sys_id: the note goes on its incident, not "created"', async () => {
		const sysId = expectedSysId('alert-e', 'first');
		// Our insert fails before it acts; the read that checks it is held so the other run's insert lands first.
		env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', path: '^/api/now/table/incident$', kind: 'status', status: 502, times: 1 });
		env.sandbox.faults.add({ vendor: 'servicenow', method: 'GET', path: `^/api/now/table/incident/${sysId}$`, kind: 'latency', delayMs: 300, times: 1 });
		const running = env.engine.run(
			serviceNowWorkflow({
				resource: 'incident',
				operation: 'createOrUpdate',
				correlationId: 'alert-e',
				shortDescription: 'Alert alert-e seen by run 2',
				note: 'Seen again: run 2',
			}),
			{ items: [{ json: {} }] },
		);
		while (!creates().length) await sleep(5);
		const other = writeRecord(snState(env.sandbox), 'incident', { sys_id: sysId, short_description: 'Alert alert-e seen by run 1', correlation_id: 'alert-e' }, 'admin');
		const result = await running;
		expect(result.error('ServiceNow')).toBeUndefined();
		expect(result.json('ServiceNow')[0]).toEqual(expect.objectContaining({ outcome: 'existing', number: other.number }));
		expect(journal(env.sandbox, sysId).map((j) => j.value)).toEqual(['Seen again: run 2']);
		expect(forId('alert-e')).toHaveLength(1);
	});
});
