import type { IDataObject } from 'n8n-workflow';

import type { PollOptions, SandboxEngine, WorkflowJson } from '../harness';
import { Engine, startSandboxEngine } from '../harness';
import { writeRecord } from '../../sandbox/vendors/servicenow/records';
import { groupId } from '../../sandbox/vendors/servicenow/state';
import { incidents, snState } from './helpers';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');

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
