import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { blankIncident } from '../../sandbox/vendors/xsoar/state';
import type { Incident } from '../../sandbox/vendors/xsoar/state';
import type { Engine, PollOptions, WorkflowJson } from '../harness';
import { xsoarEngine, xsoarState } from './helpers';
import type { Mode } from './helpers';

const TRIGGER = 'Cortex XSOAR Trigger';

function triggerWorkflow(parameters: IDataObject = {}): WorkflowJson {
	return {
		name: 'XSOAR Trigger (test)',
		nodes: [
			{
				id: '0c5a0e9e-0000-4000-8000-000000000510',
				name: TRIGGER,
				type: 'n8n-nodes-secops.xsoarTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'apiKey', event: 'created', ...parameters },
				credentials: { secOpsXsoarApi: { id: 'xsoar-sandbox', name: 'XSOAR Sandbox' } },
			},
		],
		connections: {},
	};
}

const CASES: Array<[Mode, 'onEmit' | 'always']> = [
	['v6', 'onEmit'],
	['v6', 'always'],
	['v8 standard', 'always'],
	['v8 advanced', 'onEmit'],
];

describe.each(CASES)('Cortex XSOAR Trigger (%s, static data persisted %s)', (mode, persist) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = xsoarEngine(sandbox, mode);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const state = () => xsoarState(sandbox);
	/** An incident created by someone else, stamped `atMs` (default: now on the server clock). */
	const add = (fields: Partial<Incident> = {}, atMs = state().clock.now()): Incident => {
		const incident = { ...blankIncident(String(state().nextIncident++), atMs), name: 'New', ...fields };
		state().incidents.push(incident);
		return incident;
	};
	const touch = (id: string) => {
		const incident = state().incidents.find((i) => i.id === id)!;
		incident.version += 1;
		incident.modified = new Date(state().clock.now()).toISOString();
	};

	async function activate(workflow: WorkflowJson) {
		const first = await engine.poll(workflow, TRIGGER, { persist: 'always' });
		expect(first.items).toEqual([]);
		return first.staticData;
	}
	async function poll(workflow: WorkflowJson, staticData: IDataObject, options: PollOptions = {}) {
		const result = await engine.poll(workflow, TRIGGER, { staticData, persist, ...options });
		return { ids: result.items.map((i) => String(i.json.id)), staticData: result.staticData };
	}

	it('starts from now without backfill and emits each new incident once', async () => {
		const workflow = triggerWorkflow();
		let data = await activate(workflow);
		await sleep(5);
		const a = add({ name: 'A' });
		const b = add({ name: 'B' });
		let out = await poll(workflow, data);
		expect(out.ids).toEqual([a.id, b.id]);
		data = out.staticData;
		out = await poll(workflow, data);
		expect(out.ids).toEqual([]);
		const c = add({ name: 'C' });
		out = await poll(workflow, out.staticData);
		expect(out.ids).toEqual([c.id]);
	});

	it('reads 260 incidents, 230 of them in one millisecond, across page edges exactly once', async () => {
		const workflow = triggerWorkflow();
		let data = await activate(workflow);
		const at = state().clock.now() + 2000;
		const same = Array.from({ length: 230 }, (_, n) => add({ name: `Burst ${n}` }, at));
		const later = Array.from({ length: 30 }, (_, n) => add({ name: `Later ${n}` }, at + 1 + n));
		const out = await poll(workflow, data);
		expect(out.ids).toHaveLength(260);
		expect(new Set(out.ids)).toEqual(new Set([...same, ...later].map((i) => i.id)));
		data = out.staticData;
		expect((await poll(workflow, data)).ids).toEqual([]);
		// One more in the newest millisecond after the restart: emitted, the others at that instant are not again.
		const straggler = add({ name: 'Straggler' }, at + 30);
		expect((await poll(workflow, data)).ids).toEqual([straggler.id]);
	});

	it('Incident Updated emits each change once, again for the next change, filtered by type and severity', async () => {
		const workflow = triggerWorkflow({ event: 'modified', filters: { types: 'Malware', severities: ['high', 'critical'] } });
		let data = await activate(workflow);
		await sleep(5);
		touch('2');
		touch('1');
		touch('5');
		let out = await poll(workflow, data);
		// 1 is Phishing: filtered out.
		expect(out.ids).toEqual(['2', '5']);
		data = out.staticData;
		expect((await poll(workflow, data)).ids).toEqual([]);
		await sleep(5);
		touch('2');
		out = await poll(workflow, data);
		expect(out.ids).toEqual(['2']);
		const bodies = sandbox.requests.map((r) => (r.body as { filter?: IDataObject })?.filter).filter(Boolean);
		expect(bodies.at(-1)).toEqual(expect.objectContaining({ type: ['Malware'], level: [3, 4], sort: [{ field: 'modified', asc: true }] }));
	});

	it('a changed configuration restarts from the last emitted time without re-emitting what it emitted', async () => {
		let data = await activate(triggerWorkflow());
		await sleep(5);
		const phishing = add({ name: 'P', type: 'Phishing' });
		let out = await poll(triggerWorkflow(), data);
		expect(out.ids).toEqual([phishing.id]);
		data = out.staticData;
		await sleep(5);
		const malware = add({ name: 'M', type: 'Malware' });
		// The new filter matches both: the incident emitted before is not emitted again.
		out = await poll(triggerWorkflow({ filters: { severities: ['unknown'] } }), data);
		expect(out.ids).toEqual([malware.id]);
		const cursor = (out.staticData[`node:${TRIGGER}`] as IDataObject).cursor as IDataObject;
		expect(cursor.config).not.toBe(((data[`node:${TRIGGER}`] as IDataObject).cursor as IDataObject).config);
	});

	it('a poll ends within its budget when XSOAR stops answering, and the cursor stays', async () => {
		const workflow = triggerWorkflow();
		const data = await activate(workflow);
		add({ name: 'Held' }, state().clock.now() + 1000);
		sandbox.faults.add({ vendor: 'xsoar', path: 'incidents/search', kind: 'hang', times: 1 });
		const began = Date.now();
		await expect(engine.poll(workflow, TRIGGER, { staticData: data, persist, budgetMs: 1500 })).rejects.toThrow();
		expect(Date.now() - began).toBeLessThan(2500);
		expect((await poll(workflow, data)).ids).toHaveLength(1);
	});
});
