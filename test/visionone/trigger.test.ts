import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { PollOptions, SandboxEngine, WorkflowJson } from '../harness';
import { Engine, sandboxCredentials, startSandboxEngine } from '../harness';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import { VISION_ONE_NODE, visionOneWorkflow } from './workflow';

const TRIGGER = 'Trend Vision One Trigger';

function triggerWorkflow(event: string, filters: IDataObject = {}, extra: IDataObject = {}): WorkflowJson {
	return {
		name: 'Vision One Trigger (test)',
		nodes: [
			{
				id: '7c0c3e0e-0000-4000-8000-0000000000v2',
				name: TRIGGER,
				type: 'n8n-nodes-secops.visionOneTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'apiKey', event, filters, ...extra } as INodeParameters,
				credentials: { secOpsVisionOneApi: { id: 'visionone-sandbox', name: 'Vision One Sandbox' } },
			},
		],
		connections: {},
	};
}

describe.each(['onEmit', 'always'] as const)('Vision One Trigger over consecutive polls (static data persisted %s)', (persist) => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<VisionOneState>('visionone');
	const raise = async (body: IDataObject) => (await env.sandbox.runAction('visionone', 'raiseAlerts', body)) as { raised: string[] };

	async function activate(workflow: WorkflowJson, engine: Engine = env.engine): Promise<IDataObject> {
		const first = await engine.poll(workflow, TRIGGER, { persist: 'always' });
		expect(first.items).toEqual([]);
		return first.staticData;
	}

	async function drain(workflow: WorkflowJson, staticData: IDataObject, options: PollOptions = {}, engine: Engine = env.engine) {
		const ids: string[] = [];
		let data = staticData;
		for (let i = 0; i < 30; i++) {
			const poll = await engine.poll(workflow, TRIGGER, { ...options, staticData: data, persist });
			data = poll.staticData;
			if (poll.items.length === 0) break;
			ids.push(...poll.items.map((item) => String(item.json.id)));
		}
		return { ids, staticData: data };
	}

	it('starts from now (no backfill of the seeded alerts) and emits each new alert once', async () => {
		expect(state().alerts.length).toBeGreaterThan(10);
		const workflow = triggerWorkflow('created');
		let data = await activate(workflow);
		expect((await env.engine.poll(workflow, TRIGGER, { staticData: data, persist })).items).toEqual([]);
		const { raised } = await raise({ count: 3 });
		const first = await drain(workflow, data);
		expect(first.ids).toEqual(raised);
		data = first.staticData;
		const { raised: later } = await raise({ count: 2 });
		expect((await drain(workflow, data)).ids).toEqual(later);
	});

	it('alerts stamped in the activation second are not backfilled; later ones in that second are emitted', async () => {
		const workflow = triggerWorkflow('created');
		const second = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
		const { raised: before } = await raise({ count: 2, createdDateTime: second });
		const data = await activate(workflow);
		const { raised: after } = await raise({ count: 1, createdDateTime: second });
		const { ids } = await drain(workflow, data);
		expect(ids).toEqual(after);
		expect(ids).not.toEqual(expect.arrayContaining(before));
	});

	it('reads across page edges with ties at the edge, without loss or duplicates', async () => {
		await env.sandbox.runAction('visionone', 'alertPageSize', { size: 2 });
		const workflow = triggerWorkflow('created');
		const data = await activate(workflow);
		await sleep(1100);
		const tie = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
		const { raised } = await raise({ count: 5, createdDateTime: tie });
		const { raised: more } = await raise({ count: 2 });
		const { ids } = await drain(workflow, data);
		expect(ids.sort()).toEqual([...raised, ...more].sort());
	});

	it('a 429 mid-drain hands on what was read; the next poll continues after it', async () => {
		await env.sandbox.runAction('visionone', 'alertPageSize', { size: 2 });
		const workflow = triggerWorkflow('created');
		const data = await activate(workflow);
		await sleep(1100);
		const { raised } = await raise({ count: 6 });
		// The first page is answered; the second page and every retry of it are throttled (5 attempts), then the limit
		// lifts. Faults match paths, not queries, so the first call is let past the fault book.
		env.sandbox.faults.add({ vendor: 'visionone', method: 'GET', path: 'alerts', kind: 'rateLimit', times: 5 });
		let calls = 0;
		const originalTake = env.sandbox.faults.take.bind(env.sandbox.faults);
		env.sandbox.faults.take = (vendor, method, path) => (vendor === 'visionone' && ++calls === 1 ? undefined : originalTake(vendor, method, path));
		const first = await env.engine.poll(workflow, TRIGGER, { staticData: data, persist });
		env.sandbox.faults.take = originalTake;
		expect(first.items.map((i) => i.json.id)).toEqual(raised.slice(0, 2));
		const rest = await drain(workflow, first.staticData);
		expect(rest.ids).toEqual(raised.slice(2));
	});

	it('survives a restart: a new engine with the persisted static data neither repeats nor skips', async () => {
		const workflow = triggerWorkflow('created');
		const data = await activate(workflow);
		const { raised } = await raise({ count: 2 });
		const first = await drain(workflow, data);
		expect(first.ids).toEqual(raised);
		const restarted = new Engine(sandboxCredentials(env.sandbox));
		const { raised: later } = await raise({ count: 1 });
		expect((await drain(workflow, first.staticData, {}, restarted)).ids).toEqual(later);
	});

	it('filters by severity and model; a configuration change continues from the last emitted alert', async () => {
		const critical = triggerWorkflow('created', { severities: ['critical'], model: "O'Brien Model" });
		const data = await activate(critical);
		await raise({ count: 1, severity: 'low', model: "O'Brien Model" });
		const { raised: wanted } = await raise({ count: 1, severity: 'critical', model: "O'Brien Model" });
		await raise({ count: 1, severity: 'critical', model: 'Other' });
		const first = await drain(critical, data);
		expect(first.ids).toEqual(wanted);
		const everything = triggerWorkflow('created');
		const { raised: next } = await raise({ count: 1, severity: 'low' });
		const changed = await drain(everything, first.staticData);
		// The alerts raised before the last emitted one under the old filter are not backfilled; later ones are.
		expect(changed.ids).toEqual(expect.arrayContaining(next));
		expect(changed.ids).not.toEqual(expect.arrayContaining(wanted));
	});

	it('Workbench Alert Updated emits an alert again when it changes', async () => {
		const workflow = triggerWorkflow('updated');
		const data = await activate(workflow);
		await sleep(1100);
		const id = state().alerts[0].id;
		await env.sandbox.runAction('visionone', 'touchAlert', { id, status: 'In Progress' });
		const first = await drain(workflow, data);
		expect(first.ids).toEqual([id]);
		await sleep(1100);
		await env.sandbox.runAction('visionone', 'touchAlert', { id, status: 'Closed' });
		const second = await drain(workflow, first.staticData);
		expect(second.ids).toEqual([id]);
	});

	it('Case Updated emits a case when it changes (e.g. its ServiceNow ticket is closed), not the seeded history', async () => {
		const workflow = triggerWorkflow('caseUpdated');
		const data = await activate(workflow);
		expect((await env.engine.poll(workflow, TRIGGER, { staticData: data, persist })).items).toEqual([]);
		await sleep(1100);
		const synced = state().cases.find((c) => c.externalTicketId === 'INC0010002')!;
		const update = await env.engine.run(visionOneWorkflow({ resource: 'case', operation: 'update', caseId: synced.id, updateFields: { status: 'Closed' } }));
		expect(update.error(VISION_ONE_NODE)).toBeUndefined();
		const { ids, staticData } = await drain(workflow, data);
		expect(ids).toEqual([synced.id]);
		expect((await drain(workflow, staticData)).ids).toEqual([]);
	});

	it('ends within its poll budget when Vision One stops answering', async () => {
		const workflow = triggerWorkflow('created');
		const data = await activate(workflow);
		env.sandbox.faults.add({ vendor: 'visionone', kind: 'hang' });
		const started = Date.now();
		await expect(env.engine.poll(workflow, TRIGGER, { staticData: data, persist, budgetMs: 3000 })).rejects.toThrow(/Vision One/);
		expect(Date.now() - started).toBeLessThan(3000);
		env.sandbox.faults.clear('visionone');
	});

	it('a manual test returns recent sample alerts and leaves no cursor', async () => {
		const poll = await env.engine.poll(triggerWorkflow('created', {}, { simplify: true }), TRIGGER, { mode: 'manual' });
		expect(poll.items.length).toBe(5);
		expect(poll.items[0].json).toEqual(expect.objectContaining({ id: expect.any(String), accounts: expect.any(Array) }));
		expect(poll.staticData[`node:${TRIGGER}`] ?? {}).toEqual({});
	});
});
