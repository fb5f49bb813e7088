import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { PollOptions, SandboxEngine, WorkflowJson } from '../harness';
import { Engine, startSandboxEngine } from '../harness';
import { oktaAdmin } from '../../sandbox/vendors/okta/admin';
import type { OktaState } from '../../sandbox/vendors/okta/state';

const TRIGGER = 'Okta Trigger';

function triggerWorkflow(event: string, options: IDataObject = {}, filter?: string): WorkflowJson {
	return {
		name: 'Okta Trigger (test)',
		nodes: [
			{
				id: '7c0c3e0e-0000-4000-8000-0000000000b1',
				name: TRIGGER,
				type: 'n8n-nodes-secops.oktaTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'apiToken', event, options, ...(filter ? { filter } : {}) } as INodeParameters,
				credentials: { secOpsOktaApi: { id: 'okta-sandbox', name: 'Okta Sandbox' } },
			},
		],
		connections: {},
	};
}

const ALICE = 'alice.anders@acme.example';
/** The trigger's own static data (n8n keys node-level static data by node name). */
const nodeData = (staticData: IDataObject) => (staticData[`node:${TRIGGER}`] ?? {}) as IDataObject;

describe.each(['onEmit', 'always'] as const)('Okta Trigger over consecutive polls (static data persisted %s)', (persist) => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<OktaState>('okta');
	const append = (body: IDataObject) => oktaAdmin.appendLogEvents(state(), body) as { uuids?: string[]; appended: number };

	/**
	 * Activation: n8n keeps an active workflow's static data in memory between polls, so the first poll's starting
	 * point survives even though nothing was emitted; `persist` then models what survives a restart.
	 */
	async function activate(workflow: WorkflowJson, engine: Engine = env.engine): Promise<IDataObject> {
		const first = await engine.poll(workflow, TRIGGER, { persist: 'always' });
		expect(first.items).toEqual([]);
		await sleep(5); // events appended afterwards are published strictly later than "now"
		return first.staticData;
	}

	/** Polls until a poll returns nothing, gathering every emitted uuid (a duplicate would show up twice). */
	async function drain(workflow: WorkflowJson, staticData: IDataObject, options: PollOptions = {}, engine: Engine = env.engine) {
		const uuids: string[] = [];
		let data = staticData;
		for (let i = 0; i < 50; i++) {
			const poll = await engine.poll(workflow, TRIGGER, { ...options, staticData: data, persist });
			data = poll.staticData;
			if (poll.items.length === 0) break;
			uuids.push(...poll.items.map((item) => String(item.json.uuid)));
		}
		return { uuids, staticData: data };
	}

	it('starts from now on first activation (no backfill of the seeded history) and emits only new events', async () => {
		const workflow = triggerWorkflow('failedSignIns');
		expect(state().logs.events.some((e) => e.outcome.result === 'FAILURE')).toBe(true);
		let data = await activate(workflow);
		expect((await env.engine.poll(workflow, TRIGGER, { staticData: data, persist })).items).toEqual([]);

		const { uuids } = append({ count: 3, login: ALICE });
		const poll = await env.engine.poll(workflow, TRIGGER, { staticData: data, persist });
		expect(poll.items.map((i) => i.json.uuid)).toEqual(uuids);
		expect(poll.items[0].json).toEqual(
			expect.objectContaining({ eventType: 'user.session.start', outcome: 'FAILURE', userLogin: ALICE, ipAddress: expect.any(String), raw: expect.objectContaining({ uuid: uuids![0] }) }),
		);
		data = poll.staticData;
		expect((await env.engine.poll(workflow, TRIGGER, { staticData: data, persist })).items).toEqual([]);
		const later = append({ count: 2, login: ALICE });
		expect((await drain(workflow, data)).uuids).toEqual(later.uuids);
	});

	it('emits events arriving while it pages exactly once, in this poll or the next', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 5 });
		const data = await activate(workflow);
		const before = append({ count: 12 }).uuids!;
		// Each page takes 100 ms; events land while the poll is between pages.
		env.sandbox.faults.add({ vendor: 'okta', kind: 'latency', path: '^/api/v1/logs$', delayMs: 100, times: 3 });
		const polling = env.engine.poll(workflow, TRIGGER, { staticData: data, persist });
		await sleep(150);
		const during = append({ count: 7 }).uuids!;
		const first = await polling;
		const rest = await drain(workflow, first.staticData);
		const all = [...first.items.map((i) => String(i.json.uuid)), ...rest.uuids];
		expect(all).toEqual([...before, ...during]);
	});

	it('emits two events sharing a published time across a page edge once each, also when the cursor is refused', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 2, maxEvents: 2 });
		let data = await activate(workflow);
		const published = new Date(Date.now() + 1000).toISOString();
		const [a] = append({ count: 1 }).uuids!;
		const [b, c] = append({ count: 2, published }).uuids!;
		const first = await env.engine.poll(workflow, TRIGGER, { staticData: data, persist });
		expect(first.items.map((i) => i.json.uuid)).toEqual([a, b]);
		data = first.staticData;
		// Okta refuses the stored `after` cursor once: the trigger restarts from `published` and drops the repeat of b.
		env.sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 400, path: '^/api/v1/logs$', times: 1, message: 'Invalid after cursor' });
		const rest = await drain(workflow, data);
		expect(rest.uuids).toEqual([c]);
		expect(env.sandbox.requests.some((r) => r.status === 400)).toBe(true);
		expect(env.sandbox.requests.filter((r) => r.status === 200).some((r) => r.query.since?.[0] === published)).toBe(true);
	});

	it('resumes after a restart between polls from the persisted cursor only', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 4, maxEvents: 4 });
		const data = await activate(workflow);
		const uuids = append({ count: 10 }).uuids!;
		const first = await env.engine.poll(workflow, TRIGGER, { staticData: data, persist });
		expect(first.items).toHaveLength(4);
		// A fresh engine (n8n restarted) sees only what was persisted, serialised as the database stores it.
		const restarted = new Engine(env.engine.credentials);
		const persisted = JSON.parse(JSON.stringify(first.staticData)) as IDataObject;
		const rest = await drain(workflow, persisted, {}, restarted);
		expect([...first.items.map((i) => String(i.json.uuid)), ...rest.uuids]).toEqual(uuids);
	});

	it('waits out a 429 mid-drain and emits every event once', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 5 });
		const data = await activate(workflow);
		const uuids = append({ count: 23 }).uuids!;
		env.sandbox.rateLimiter.setLimit('okta', '/api/v1/logs', 2, 1500);
		const { uuids: emitted } = await drain(workflow, data);
		expect(emitted).toEqual(uuids);
		expect(env.sandbox.requests.some((r) => r.status === 429)).toBe(true);
	}, 60_000);

	it('keeps what it drained when a 429 asks for a wait beyond the limit, and the next poll resumes', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 5 });
		const data = await activate(workflow);
		const uuids = append({ count: 12 }).uuids!;
		env.sandbox.rateLimiter.setLimit('okta', '/api/v1/logs', 2, 600_000);
		const first = await env.engine.poll(workflow, TRIGGER, { staticData: data, persist });
		expect(first.items.map((i) => i.json.uuid)).toEqual(uuids.slice(0, 10));
		expect(env.sandbox.requests.map((r) => r.status)).toEqual([200, 200, 429]);
		env.sandbox.rateLimiter.reset();
		const rest = await drain(workflow, first.staticData);
		expect(rest.uuids).toEqual(uuids.slice(10));
	});

	/** Okta stops answering: the sandbox holds the request open and never answers it. */
	const hang = () => env.sandbox.faults.add({ vendor: 'okta', kind: 'hang', path: '^/api/v1/logs$', times: 1 });

	it('ends within its budget when Okta stops answering mid-drain, keeps what it emitted, and loses nothing next poll', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 3 });
		const data = await activate(workflow);
		const uuids = append({ count: 9 }).uuids!;
		// The first page is slow enough to let the second one be the request that never gets an answer.
		env.sandbox.faults.add({ vendor: 'okta', kind: 'latency', path: '^/api/v1/logs$', delayMs: 300, times: 1 });
		const started = Date.now();
		const polling = env.engine.poll(workflow, TRIGGER, { staticData: data, persist, budgetMs: 3000 });
		await sleep(100);
		hang();
		const first = await polling;
		expect(Date.now() - started).toBeLessThan(3000);
		expect(first.items.map((i) => i.json.uuid)).toEqual(uuids.slice(0, 3));
		// The cursor is the link after the emitted page: the unanswered page is asked for again.
		expect(nodeData(first.staticData).nextUrl).toEqual(expect.stringContaining('after='));
		const rest = await drain(workflow, first.staticData);
		expect(rest.uuids).toEqual(uuids.slice(3));
	});

	it('fails within its budget when Okta does not answer the first page, and the next poll reads everything', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 3 });
		const data = await activate(workflow);
		const uuids = append({ count: 4 }).uuids!;
		hang();
		const started = Date.now();
		await expect(env.engine.poll(workflow, TRIGGER, { staticData: data, persist, budgetMs: 1500 })).rejects.toThrow(/Okta did not answer|ran out/);
		expect(Date.now() - started).toBeLessThan(1500);
		expect((await drain(workflow, data)).uuids).toEqual(uuids);
	});

	it('follows a changed filter: restarts from its last emitted time instead of a link built for the old filter', async () => {
		const failedSignIns = triggerWorkflow('failedSignIns', { pageSize: 2, maxEvents: 2 });
		const data = await activate(failedSignIns);
		const failures = append({ count: 4 }).uuids!;
		const first = await env.engine.poll(failedSignIns, TRIGGER, { staticData: data, persist });
		expect(first.items.map((i) => i.json.uuid)).toEqual(failures.slice(0, 2));
		const cursor = nodeData(first.staticData);
		expect(Object.keys(cursor).sort()).toEqual(['config', 'nextUrl', 'seen', 'since']);
		expect(cursor.config).toMatch(/^[0-9a-f]{12}$/);

		// The stored link carries the failed-sign-ins filter; the workflow now wants every sign-in.
		const allSignIns = triggerWorkflow('custom', { pageSize: 2 }, 'eventType eq "user.session.start"');
		const successes = append({ count: 2, result: 'SUCCESS' }).uuids!;
		const mark = env.sandbox.requests.length;
		const rest = await drain(allSignIns, first.staticData);
		expect(rest.uuids).toEqual([...failures.slice(2), ...successes]);
		const after = env.sandbox.requests.slice(mark);
		expect(after.map((r) => r.query.filter?.[0])).toEqual(after.map(() => 'eventType eq "user.session.start"'));
		expect(after[0].query).toEqual(expect.objectContaining({ since: [cursor.since] }));
		expect(nodeData(rest.staticData).config).not.toEqual(cursor.config);
	});

	it('follows a changed page size: restarts from its last emitted time with the new limit', async () => {
		const small = triggerWorkflow('failedSignIns', { pageSize: 2, maxEvents: 2 });
		const data = await activate(small);
		const uuids = append({ count: 5 }).uuids!;
		const first = await env.engine.poll(small, TRIGGER, { staticData: data, persist });
		expect(first.items).toHaveLength(2);
		const mark = env.sandbox.requests.length;
		const rest = await drain(triggerWorkflow('failedSignIns', { pageSize: 10 }), first.staticData);
		expect(rest.uuids).toEqual(uuids.slice(2));
		const [restart] = env.sandbox.requests.slice(mark);
		expect(restart.query).toEqual(expect.objectContaining({ limit: ['10'], since: [nodeData(first.staticData).since] }));
		expect(restart.query.after).toBeUndefined();
	});

	it('stops paging within its time budget and resumes the rest next poll', async () => {
		const workflow = triggerWorkflow('failedSignIns', { pageSize: 3 });
		const data = await activate(workflow);
		const uuids = append({ count: 15 }).uuids!;
		env.sandbox.faults.add({ vendor: 'okta', kind: 'latency', path: '^/api/v1/logs$', delayMs: 150 });
		const started = Date.now();
		const first = await env.engine.poll(workflow, TRIGGER, { staticData: data, persist, budgetMs: 400 });
		expect(Date.now() - started).toBeLessThan(800);
		expect(first.items.length).toBeGreaterThan(0);
		expect(first.items.length).toBeLessThan(15);
		const rest = await drain(workflow, first.staticData, { budgetMs: 400 });
		expect([...first.items.map((i) => String(i.json.uuid)), ...rest.uuids]).toEqual(uuids);
	});
});

describe('Okta Trigger presets, sample events and normalised fields', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<OktaState>('okta');
	const seed = (body: IDataObject) => oktaAdmin.seedSignInAnomaly(state(), body) as { uuids: string[] };

	async function emitted(event: string, act: () => void, filter?: string) {
		const workflow = triggerWorkflow(event, {}, filter);
		const first = await env.engine.poll(workflow, TRIGGER, { persist: 'always' });
		await sleep(5);
		act();
		const poll = await env.engine.poll(workflow, TRIGGER, { staticData: first.staticData, persist: 'always' });
		return poll.items.map((i) => i.json);
	}

	it.each(['both', 'string', 'structured'])('High-risk sign-ins reads risk and behaviours from the %s form', async (riskForm) => {
		const events = await emitted('highRiskSignIns', () => {
			seed({ login: ALICE, kind: 'newLocation', riskForm });
			seed({ login: 'bob.anders@acme.example', kind: 'failedSignIns', count: 2, riskForm });
		});
		expect(events).toHaveLength(1);
		expect(events[0]).toEqual(
			expect.objectContaining({
				userLogin: ALICE,
				userId: expect.stringMatching(/^00u/),
				riskLevel: 'HIGH',
				riskReasons: expect.arrayContaining(['Anomalous Location', 'Anomalous Device']),
				behaviors: expect.arrayContaining(['New Geo-Location', 'New Device', 'Velocity']),
				city: 'Frankfurt am Main',
				country: 'Germany',
				ipAddress: '185.220.101.4',
				userAgent: 'python-requests/2.31.0',
			}),
		);
		expect(events[0].behaviors).not.toContain('New State');
	});

	it('New device or location, Failed sign-ins, ThreatInsight and Account lockouts each pick their events', async () => {
		const anomaly = () => seed({ login: ALICE, kind: 'newLocation' });
		expect((await emitted('newDeviceOrLocation', anomaly)).map((e) => e.userLogin)).toEqual([ALICE]);
		env.sandbox.reset();
		expect(await emitted('failedSignIns', () => seed({ login: ALICE, kind: 'failedSignIns', count: 3 }))).toHaveLength(3);
		env.sandbox.reset();
		const threats = await emitted('threatDetected', () => seed({ login: ALICE, kind: 'threat' }));
		expect(threats.map((e) => [e.eventType, e.outcome, e.threatSuspected])).toEqual([['security.threat.detected', 'DENY', true]]);
		env.sandbox.reset();
		const lockouts = await emitted('accountLockouts', () => seed({ login: ALICE, kind: 'lockout', count: 2 }));
		expect(lockouts.map((e) => e.eventType)).toEqual(['user.account.lock']);
	});

	it('Custom filter passes the filter to Okta as typed', async () => {
		const events = await emitted('custom', () => seed({ login: ALICE, kind: 'threat' }), 'eventType sw "security."');
		expect(events.map((e) => e.eventType)).toEqual(['security.threat.detected']);
		expect(env.sandbox.requests.at(-1)?.query.filter).toEqual(['eventType sw "security."']);
	});

	it('a manual test run returns a few recent sample events and leaves static data alone', async () => {
		const workflow = triggerWorkflow('failedSignIns');
		const poll = await env.engine.poll(workflow, TRIGGER, { mode: 'manual', staticData: { untouched: true } });
		expect(poll.items.length).toBeGreaterThan(0);
		expect(poll.items.length).toBeLessThanOrEqual(5);
		expect(poll.items.every((i) => i.json.outcome === 'FAILURE')).toBe(true);
		expect(poll.staticData).toEqual({ untouched: true });
	});

	it('reports an invalid custom filter with Okta\'s message', async () => {
		const workflow = triggerWorkflow('custom', {}, 'published gt "2026-01-01"');
		const first = await env.engine.poll(workflow, TRIGGER, { persist: 'always' });
		await expect(env.engine.poll(workflow, TRIGGER, { staticData: first.staticData, persist: 'always' })).rejects.toThrow('Okta: Invalid search criteria.');
	});
});
