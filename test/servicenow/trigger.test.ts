import type { IDataObject } from 'n8n-workflow';

import type { PollOptions, SandboxEngine, WorkflowJson } from '../harness';
import { Engine, startSandboxEngine } from '../harness';
import { writeRecord } from '../../sandbox/vendors/servicenow/records';
import { groupId } from '../../sandbox/vendors/servicenow/state';
import { incidents, snState } from './helpers';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
/** The trigger's own static data (n8n keys node-level static data by node name). */
const nodeData = (staticData: IDataObject) => (staticData['node:ServiceNow Trigger'] ?? {}) as IDataObject;

function triggerWorkflow(parameters: IDataObject = {}): WorkflowJson {
	return {
		name: 'ServiceNow Trigger (test)',
		nodes: [
			{
				id: '6b1f0c2e-0000-4000-8000-000000000010',
				name: 'ServiceNow Trigger',
				type: 'n8n-nodes-secops.serviceNowTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'basicAuth', event: 'updated', ...parameters },
				credentials: { secOpsServiceNowApi: { id: 'servicenow-sandbox', name: 'ServiceNow Sandbox' } },
			},
		],
		connections: {},
	};
}

describe.each(['onEmit', 'always'] as const)('ServiceNow Trigger over consecutive polls (static data persisted %s)', (persist) => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		snState(env.sandbox).clock.frozenAt = T0;
	});

	const state = () => snState(env.sandbox);
	const tick = (seconds = 1) => (state().clock.frozenAt! += seconds * 1000);
	const change = (number: string, fields: IDataObject) => {
		const record = incidents(env.sandbox).find((i) => i.number === number)!;
		writeRecord(state(), 'incident', fields, 'alice.chen', record);
	};
	const create = (short: string, extra: IDataObject = {}) =>
		writeRecord(state(), 'incident', { short_description: short, assignment_group: groupId('Security Operations'), ...extra }, 'admin');

	/** Activation: n8n keeps an active workflow's static data in memory between polls, so this first cursor is kept. */
	async function activate(workflow: WorkflowJson, engine: Engine = env.engine) {
		const first = await engine.poll(workflow, 'ServiceNow Trigger', { persist: 'always' });
		expect(first.items).toEqual([]);
		return first.staticData;
	}

	async function poll(workflow: WorkflowJson, staticData: IDataObject, options: PollOptions = {}, engine: Engine = env.engine) {
		const result = await engine.poll(workflow, 'ServiceNow Trigger', { staticData, persist, ...options });
		return { items: result.items.map((i) => i.json), staticData: result.staticData };
	}

	it('starts from now without backfill, emits each change once, with the previous state', async () => {
		const workflow = triggerWorkflow();
		let data = await activate(workflow);
		tick();
		const created = create('Ransomware note found on FS-01');
		change('INC0010002', { state: '2' });
		tick();
		let out = await poll(workflow, data);
		expect(out.items.map((i) => [i.number, i.event]).sort()).toEqual([['INC0010002', 'updated'], [created.number, 'created']].sort());
		data = out.staticData;
		expect((await poll(workflow, data)).items).toEqual([]);
		tick();
		change(created.number, { state: '6', close_code: 'Solution provided', close_notes: 'Restored from backup' });
		tick();
		out = await poll(workflow, data);
		expect(out.items).toEqual([
			expect.objectContaining({ number: created.number, event: 'updated', state: '6', state_label: 'Resolved', previous_state: '1', previous_state_label: 'New', state_changed: true }),
		]);
	});

	it('reads the activation second: an update later in it is emitted, what was already there is not', async () => {
		const workflow = triggerWorkflow();
		const before = create('Already there when the workflow was activated');
		let data = await activate(workflow);
		const after = create('Opened later in the same second');
		change('INC0010003', { state: '2' });
		tick();
		const out = await poll(workflow, data);
		expect(out.items.map((i) => i.number).sort()).toEqual([after.number, 'INC0010003'].sort());
		expect(out.items.map((i) => i.number)).not.toContain(before.number);
		data = out.staticData;
		tick();
		expect((await poll(workflow, data)).items).toEqual([]);
	});

	it('waits for the current second to pass before emitting it', async () => {
		const workflow = triggerWorkflow();
		let data = await activate(workflow);
		tick();
		create('Same second as the poll');
		let out = await poll(workflow, data);
		expect(out.items).toEqual([]);
		data = out.staticData;
		create('Later in the same second');
		tick();
		out = await poll(workflow, data);
		expect(out.items.map((i) => i.short_description).sort()).toEqual(['Later in the same second', 'Same second as the poll']);
	});

	it('emits many same-second updates across page edges exactly once, also after a restart', async () => {
		const workflow = triggerWorkflow({ options: { pageSize: 2 }, filters: { assignmentGroupName: 'Security Operations' } });
		let data = await activate(workflow);
		tick();
		const made = Array.from({ length: 5 }, (_, n) => create(`Burst ${n}`));
		change('INC0010003', { state: '3' }); // Network group: filtered out
		tick();
		let out = await poll(workflow, data);
		expect(out.items.map((i) => i.number).sort()).toEqual(made.map((m) => m.number).sort());
		data = out.staticData;
		// Restart: a new engine (new process) with the persisted static data.
		const restarted = new Engine(env.engine.credentials);
		tick();
		change(made[4].number, { state: '2' });
		create('Burst 5');
		tick();
		out = await poll(workflow, data, {}, restarted);
		expect(out.items.map((i) => i.short_description).sort()).toEqual(['Burst 4', 'Burst 5']);
		expect((await poll(workflow, out.staticData, {}, restarted)).items).toEqual([]);
	});

	it('picks up records updated while it pages, in a later poll, without repeats or gaps', async () => {
		const workflow = triggerWorkflow({ options: { pageSize: 2 } });
		let data = await activate(workflow);
		tick();
		const made = Array.from({ length: 5 }, (_, n) => create(`Wave ${n}`));
		tick();
		// Pages follow (sys_updated_on, sys_id): the lowest sys_id was on page 1.
		const firstRead = [...made].sort((a, b) => (a.sys_id < b.sys_id ? -1 : 1))[0];
		let pages = 0;
		state().beforeList.push((table) => {
			if (table !== 'incident' || ++pages !== 2) return;
			change(firstRead.number, { urgency: '1' }); // already emitted: a new change, due again
			create('Arrived mid-drain');
		});
		const seen: string[] = [];
		let out = await poll(workflow, data);
		seen.push(...out.items.map((i) => `${i.short_description}@${i.sys_updated_on}`));
		expect(out.items).toHaveLength(5);
		data = out.staticData;
		tick();
		out = await poll(workflow, data);
		seen.push(...out.items.map((i) => `${i.short_description}@${i.sys_updated_on}`));
		expect(out.items.map((i) => i.short_description).sort()).toEqual(['Arrived mid-drain', firstRead.short_description]);
		expect(new Set(seen).size).toBe(seen.length);
	});

	/** sys_ids that sort first or last in the trigger's (timestamp, sys_id) order within one second. */
	const FIRST_ID = '0'.repeat(31) + '1';
	const LAST_ID = 'f'.repeat(32);
	const numbers = (items: IDataObject[]) => items.map((i) => String(i.number)).sort();

	it('follows a changed filter: reads the last emitted second again, emitting what the old filter left there, nothing twice', async () => {
		const secOps = triggerWorkflow({ filters: { assignmentGroupName: 'Security Operations' } });
		const data = await activate(secOps);
		tick();
		const network = create('Core switch down', { assignment_group: groupId('Network'), sys_id: FIRST_ID });
		const ours = create('Phishing report', { sys_id: LAST_ID });
		tick();
		const first = await poll(secOps, data);
		expect(numbers(first.items)).toEqual([ours.number]);
		const cursorState = nodeData(first.staticData);
		expect(Object.keys(cursorState).sort()).toEqual(['config', 'cursor', 'lastState', 'seen']);
		expect(cursorState).toEqual(expect.objectContaining({ cursor: { ts: ours.sys_updated_on, id: LAST_ID }, seen: [LAST_ID], config: expect.stringMatching(/^[0-9a-f]{12}$/) }));

		// Every group now: the Network incident of that second was never emitted (the old cursor would skip it).
		const everyGroup = triggerWorkflow();
		tick();
		const later = create('Printer on fire');
		tick();
		const next = await poll(everyGroup, first.staticData);
		expect(numbers(next.items)).toEqual([network.number, later.number].sort());
		expect(next.items.find((i) => i.number === network.number)?.previous_state).toBeNull();
		expect(nodeData(next.staticData).config).not.toEqual(cursorState.config);
		tick();
		expect((await poll(everyGroup, next.staticData)).items).toEqual([]);
	});

	it('follows a changed event: created to created-or-updated reads the last emitted second on the other field', async () => {
		const created = triggerWorkflow({ event: 'created' });
		const data = await activate(created);
		tick();
		const opened = create('Opened while watching creations', { sys_id: LAST_ID });
		change('INC0010002', { state: '2' }); // an old incident updated in the same second
		tick();
		const first = await poll(created, data);
		expect(numbers(first.items)).toEqual([opened.number]);

		const updated = triggerWorkflow({ event: 'updated' });
		const next = await poll(updated, first.staticData);
		// The update is in the cursor's second but sorts before its sys_id: the old cursor would have skipped it.
		expect(numbers(next.items)).toEqual(['INC0010002']);
		expect(next.items[0]).toEqual(expect.objectContaining({ event: 'updated', state: '2' }));
		tick();
		expect((await poll(updated, next.staticData)).items).toEqual([]);
	});

	it.each(['ORDERBYDESCnumber', 'priority=1^ORDERBYnumber', 'active=true^orderbydescsys_created_on', 'priority=1^NQpriority=2^ORDERBYpriority'])(
		'refuses an Encoded Query with its own order (%s) before sending anything',
		async (query) => {
			const workflow = triggerWorkflow({ filters: { query } });
			await expect(env.engine.poll(workflow, 'ServiceNow Trigger', { persist })).rejects.toThrow(
				expect.objectContaining({ message: 'Encoded Query cannot contain ORDERBY', description: expect.stringContaining('Remove ORDERBY') }),
			);
			await expect(env.engine.poll(workflow, 'ServiceNow Trigger', { mode: 'manual' })).rejects.toThrow('Encoded Query cannot contain ORDERBY');
			expect(env.sandbox.requests).toHaveLength(0);
		},
	);

	it.each(['priority=1^NQ', '^NQpriority=1', 'priority=1^NQ^NQpriority=2', 'priority=1^NQ^'])(
		'refuses an Encoded Query with an empty ^NQ part (%s), which would match every incident',
		async (query) => {
			const workflow = triggerWorkflow({ filters: { query } });
			await expect(env.engine.poll(workflow, 'ServiceNow Trigger', { persist })).rejects.toThrow('Encoded Query has an empty ^NQ part');
			expect(env.sandbox.requests).toHaveLength(0);
		},
	);

	it('applies its cursor and filters to every ^NQ part of an Encoded Query, across page edges', async () => {
		const workflow = triggerWorkflow({ options: { pageSize: 1 }, filters: { assignmentGroupName: 'Security Operations', query: 'priority=1^NQcategory=network' } });
		let data = await activate(workflow);
		tick();
		const p1 = create('Ransomware on FS-01', { impact: '1', urgency: '1' });
		const net = create('Firewall rule change', { category: 'network', impact: '3', urgency: '3' });
		create('Low priority, other category', { impact: '3', urgency: '3', category: 'inquiry' });
		create('Priority 1 of another group', { impact: '1', urgency: '1', assignment_group: groupId('Network') });
		tick();
		let out = await poll(workflow, data);
		expect(numbers(out.items)).toEqual([p1.number, net.number].sort());
		data = out.staticData;
		// Both parts match these old incidents; updated again they are due once more, and only then.
		tick();
		change(p1.number, { short_description: 'Ransomware on FS-01 (contained)' });
		tick();
		out = await poll(workflow, data);
		expect(numbers(out.items)).toEqual([p1.number]);
		tick();
		expect((await poll(workflow, out.staticData)).items).toEqual([]);
		const queries = env.sandbox.requests.map((r) => r.query.sysparm_query?.[0] ?? '').filter((q) => q.includes('^NQ'));
		expect(queries.length).toBeGreaterThan(0);
		for (const query of queries) {
			for (const part of query.replace(/\^ORDERBY.*$/, '').split('^NQ')) expect(part).toMatch(/assignment_group\.name=Security Operations\^sys_updated_on[>=]/);
		}
	});

	it('ends within its budget when ServiceNow stops answering mid-drain, keeps what it emitted, and loses nothing next poll', async () => {
		const workflow = triggerWorkflow({ options: { pageSize: 2 } });
		const data = await activate(workflow);
		tick();
		const made = Array.from({ length: 5 }, (_, n) => create(`Unanswered ${n}`));
		tick();
		let pages = 0;
		state().beforeList.push(() => {
			// After the first page, ServiceNow stops answering: the next request is held open and never answered.
			if (++pages === 1) env.sandbox.faults.add({ vendor: 'servicenow', method: 'GET', kind: 'hang', times: 1 });
		});
		const started = Date.now();
		const first = await poll(workflow, data, { budgetMs: 3000 });
		expect(Date.now() - started).toBeLessThan(3000);
		expect(first.items).toHaveLength(2);
		const last = first.items[1];
		expect(nodeData(first.staticData).cursor).toEqual({ ts: last.sys_updated_on, id: last.sys_id });
		const rest = await poll(workflow, first.staticData);
		expect(numbers([...first.items, ...rest.items])).toEqual(numbers(made as unknown as IDataObject[]));
		expect((await poll(workflow, rest.staticData)).items).toEqual([]);
	});

	it('rides out a 429 in the middle of a drain', async () => {
		const workflow = triggerWorkflow({ options: { pageSize: 2 } });
		const data = await activate(workflow);
		tick();
		const made = Array.from({ length: 5 }, (_, n) => create(`Throttled ${n}`));
		tick();
		let pages = 0;
		state().beforeList.push(() => {
			if (++pages === 1) env.sandbox.faults.add({ vendor: 'servicenow', method: 'GET', kind: 'rateLimit', resetInSeconds: 1, times: 1 });
		});
		const out = await poll(workflow, data);
		expect(out.items.map((i) => i.number).sort()).toEqual(made.map((m) => m.number).sort());
		expect(env.sandbox.requests.filter((r) => r.status === 429)).toHaveLength(1);
	});

	it('hands on what it read when the limit outlasts the retries, and continues there next poll', async () => {
		const workflow = triggerWorkflow({ options: { pageSize: 2 } });
		let data = await activate(workflow);
		tick();
		const made = Array.from({ length: 5 }, (_, n) => create(`Limited ${n}`));
		tick();
		let pages = 0;
		state().beforeList.push(() => {
			if (++pages === 1) env.sandbox.faults.add({ vendor: 'servicenow', method: 'GET', kind: 'rateLimit', resetInSeconds: 0, times: 5 });
		});
		let out = await poll(workflow, data);
		expect(out.items).toHaveLength(2);
		data = out.staticData;
		out = await poll(workflow, data);
		expect(out.items).toHaveLength(3);
		expect((await poll(workflow, out.staticData)).items).toEqual([]);
		expect(made).toHaveLength(5);
	});
});
