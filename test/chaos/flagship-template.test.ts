/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only test: it reports its counts on stdout */
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/transport';
import type { FaultInput } from '../../sandbox/framework/faults';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import type { PollOptions, PollResult, RunResult, SandboxEngine, WorkflowJson } from '../harness';
import { ActiveWorkflow, Engine, bundledWorkflow, sandboxAction, startSandboxEngine } from '../harness';
import { incidents, oktaUser, outputs, warRoomEntries, workNotes, xsoarIncidents } from './records';

/*
 * The flagship (Okta → Vision One → ServiceNow → XSOAR), activated, through a stormy day: anomalies for 40 users while
 * a fifth of the requests to all four vendors fail in every way the sandbox can fail them (seeded, so a run repeats),
 * the trigger's process restarts once and one poll fails outright. Afterwards every anomaly must be on a ServiceNow
 * incident or a Record item, and in XSOAR or on a note saying XSOAR failed; no incident opened twice on either side.
 */

/* Waits run 20 times faster (as in anomaly-template.test.ts): Vision One task waits and every backoff included. */
const TIME_COMPRESSION = 20;
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return { ...actual, sleep: async (ms: number) => await actual.sleep(ms / TIME_COMPRESSION) };
});

const TRIGGER = 'Okta Sign-In Anomaly';
const POLL_BUDGET_MS = 15_000;
const CAP = 20;
const CLOSED = ['6', '7', '8'];
const VENDORS = ['okta', 'visionone', 'servicenow', 'xsoar'];

type Kind = 'highRisk' | 'failedSignIns' | 'threat';
interface Seeded {
	uuid: string;
	login: string;
	kind: Kind;
}

/** Every fault kind the sandbox has, each on its share of all requests (together a fifth); a `hang` costs a timeout. */
const FAULT_SHARES: Array<[Omit<FaultInput, 'vendor'>, number]> = [
	[{ kind: 'status', status: 500 }, 0.03],
	[{ kind: 'status', status: 502 }, 0.025],
	[{ kind: 'status', status: 503 }, 0.03],
	[{ kind: 'rateLimit', resetInSeconds: 1 }, 0.02],
	[{ kind: 'latency', delayMs: 200 }, 0.025],
	[{ kind: 'reset' }, 0.025],
	[{ kind: 'malformed' }, 0.02],
	[{ kind: 'timeoutAfterHandling' }, 0.02],
	[{ kind: 'hang' }, 0.005],
];
/** A request unanswered for this long is given up on (production: 30 s); a `latency` fault stays well below it. */
const REQUEST_TIMEOUT_MS = 400;

/** The engine n8n's scheduler is: every poll gets a budget, and how long it took is kept. */
class BudgetedEngine extends Engine {
	readonly pollDurations: number[] = [];

	override async poll(json: WorkflowJson, nodeName: string, options: PollOptions = {}): Promise<PollResult> {
		const started = Date.now();
		try {
			return await super.poll(json, nodeName, { ...options, budgetMs: POLL_BUDGET_MS });
		} finally {
			this.pollDurations.push(Date.now() - started);
		}
	}
}

describe('okta-anomaly-vision-one-servicenow-xsoar under faults', () => {
	let env: SandboxEngine;
	const productionTimeout = DEFAULT_RETRY_POLICY.timeoutMs;
	beforeAll(async () => {
		env = await startSandboxEngine();
		DEFAULT_RETRY_POLICY.timeoutMs = REQUEST_TIMEOUT_MS;
	});
	afterAll(async () => {
		DEFAULT_RETRY_POLICY.timeoutMs = productionTimeout;
		await env.sandbox.close();
	});

	/** The faults in the order the sandbox tries them: each one's probability is its share of what the earlier ones left. */
	function injectFaults(seed: number) {
		env.sandbox.faults.clear();
		VENDORS.forEach((vendor, v) => {
			let left = 1;
			FAULT_SHARES.forEach(([fault, share], n) => {
				env.sandbox.faults.add({ ...fault, vendor, probability: share / left, seed: seed * 100 + n + v * 20 });
				left -= share;
			});
		});
	}

	it('loses no anomaly and opens no duplicate in ServiceNow or XSOAR', async () => {
		const engine = new BudgetedEngine(env.engine.credentials);
		const workflow = bundledWorkflow('okta-anomaly-vision-one-servicenow-xsoar.json');
		const users = env.sandbox.state<OktaState>('okta').users.slice(0, 40);
		const statusBefore = new Map(users.map((u) => [u.profile.login, u.status]));
		const seeded: Seeded[] = [];
		const runs: RunResult[] = [];
		const emitted: string[] = [];

		const seed = async (login: string, kind: Kind) => {
			const { uuids } = await sandboxAction<{ uuids: string[] }>(env.sandbox, 'okta', 'seedSignInAnomaly', { login, kind, count: 2 });
			seeded.push(...uuids.map((uuid) => ({ uuid, login, kind })));
		};
		let flow = new ActiveWorkflow(engine, workflow, TRIGGER);
		const tick = async () => {
			const { emitted: items, run } = await flow.tick();
			emitted.push(...items.map((item) => String(item.uuid)));
			if (run) runs.push(run);
		};

		await flow.activate();
		injectFaults(1);
		const kinds: Kind[] = ['highRisk', 'failedSignIns', 'highRisk', 'threat', 'highRisk'];
		for (let round = 0; round < 8; round++) {
			if (round === 3) {
				// A burst: more successful risky sign-ins in one poll than the cap lets n8n disable.
				for (let n = 0; n < CAP + 3; n++) await seed(users[(n * 3) % users.length].profile.login, 'highRisk');
			} else {
				for (let n = 0; n < 10; n++) await seed(users[(round * 10 + n * 7) % users.length].profile.login, kinds[(round + n) % kinds.length]);
			}
			if (round === 4) {
				// n8n restarts: a new process, the trigger's static data as n8n persisted it.
				const persisted = flow.staticData;
				flow = new ActiveWorkflow(engine, workflow, TRIGGER);
				flow.staticData = persisted;
			}
			if (round === 6) {
				// Okta's System Log fails every attempt of one poll: the poll errors, the next one picks the events up.
				env.sandbox.faults.clear();
				env.sandbox.faults.add({ vendor: 'okta', method: 'GET', path: '^/api/v1/logs$', kind: 'status', status: 500 });
				await expect(flow.tick()).rejects.toThrow();
				injectFaults(round);
			}
			await tick();
		}
		env.sandbox.faults.clear();
		await tick();
		await tick();

		const seededIds = seeded.map((s) => s.uuid);
		expect(seeded.length).toBeGreaterThanOrEqual(100);
		const injected = env.sandbox.requests.filter((r) => r.status === -1 || r.status >= 500 || r.status === 429).length;
		expect(injected / env.sandbox.requests.length).toBeGreaterThan(0.1);
		for (const vendor of VENDORS) expect(env.sandbox.requests.filter((r) => r.vendor === vendor && (r.status === -1 || r.status >= 500)).length).toBeGreaterThan(0);

		expect([...emitted].sort()).toEqual([...seededIds].sort());
		for (const run of runs) expect(run.run.data.resultData.error).toBeUndefined();
		expect(Math.max(...engine.pollDurations)).toBeLessThanOrEqual(POLL_BUDGET_MS);

		const all = (node: string, output = 0) => runs.flatMap((run) => outputs(run, node, output));
		const unticketed = all('Record Unticketed Alert');
		const xsoarFailed = all('Record XSOAR Failure');
		const key = (s: Seeded) => `v1okta:${s.login}:${s.kind === 'threat' ? 'threat' : 'risky-sign-in'}`;
		const notesOf = (correlationId: string) => incidents(env.sandbox, correlationId).flatMap((i) => workNotes(env.sandbox, i.sys_id));

		const lostInServiceNow: Seeded[] = [];
		const lostInXsoar: Seeded[] = [];
		const repeatedNotes: Seeded[] = [];
		for (const anomaly of seeded) {
			const open = incidents(env.sandbox, key(anomaly)).filter((i) => !CLOSED.includes(i.state));
			const notes = open.flatMap((i) => workNotes(env.sandbox, i.sys_id)).filter((n) => n.value.includes(anomaly.uuid));
			const ticketNotes = notes.filter((n) => !n.value.startsWith('XSOAR FAILED'));
			if (ticketNotes.length === 0 && !unticketed.some((u) => u.anomaly === anomaly.uuid)) lostInServiceNow.push(anomaly);
			if (ticketNotes.length > 1) repeatedNotes.push(anomaly);

			const inXsoar = xsoarIncidents(env.sandbox, key(anomaly)).some((i) => i.details.includes(anomaly.uuid) || warRoomEntries(env.sandbox, i.id).some((e) => e.includes(anomaly.uuid)));
			const xsoarFailureNoted = notes.some((n) => n.value.startsWith('XSOAR FAILED')) || xsoarFailed.some((f) => f.anomaly === anomaly.uuid);
			if (!inXsoar && !xsoarFailureNoted) lostInXsoar.push(anomaly);
		}
		expect(lostInServiceNow).toEqual([]);
		expect(lostInXsoar).toEqual([]);
		expect(repeatedNotes).toEqual([]);

		// One incident per user and anomaly type on each side, ever: none opened twice.
		for (const correlationId of new Set(seeded.map(key))) {
			expect(`${correlationId}: ${incidents(env.sandbox, correlationId).length}`).toMatch(/: [01]$/);
			expect(`${correlationId}: ${xsoarIncidents(env.sandbox, correlationId).length}`).toMatch(/: [01]$/);
		}

		// Disabled: the users with a successful risky sign-in, unless containment failed, stayed unconfirmed or the cap
		// stopped it and that is on record. Nobody else.
		const contained = new Set(seeded.filter((s) => s.kind === 'highRisk').map((s) => s.login));
		const notContained: string[] = [];
		for (const login of contained) {
			if (oktaUser(env.sandbox, login).status === 'SUSPENDED') continue;
			const [incident] = incidents(env.sandbox, `v1okta:${login}:risky-sign-in`);
			const onTicket = incident && /CONTAINMENT (FAILED|UNCONFIRMED)|Not contained: more than/.test(incident.description + notesOf(incident.correlation_id).map((n) => n.value).join('\n'));
			const onRecord = unticketed.some((u) => u.user === login && ['failed', 'unconfirmed', 'skippedCap'].includes(String(u.containment)));
			if (!onTicket && !onRecord) notContained.push(login);
		}
		expect(notContained).toEqual([]);
		for (const user of users) {
			if (!contained.has(user.profile.login)) expect(`${user.profile.login}: ${user.status}`).toBe(`${user.profile.login}: ${statusBefore.get(user.profile.login)}`);
		}
		for (const run of runs) expect(outputs(run, 'Within Containment Cap?').length).toBeLessThanOrEqual(CAP);
		expect(runs.some((run) => outputs(run, 'Within Containment Cap?', 1).length > 0)).toBe(true);

		const containment: IDataObject = {};
		for (const summary of all('Summary')) containment[String(summary.containment)] = Number(containment[String(summary.containment)] ?? 0) + 1;
		report({
			anomalies: seeded.length,
			requests: env.sandbox.requests.length,
			failedOrThrottled: injected,
			maxPollMs: Math.max(...engine.pollDurations),
			ticketRetries: all('Retry Open or Update Incident').length + all('Retry Open or Update Incident', 1).length,
			xsoarRetries: all('Retry Find or Create XSOAR Incident').length + all('Retry Find or Create XSOAR Incident', 1).length,
			unticketed: unticketed.length,
			xsoarFailuresNoted: all('XSOAR Failure Noted').length,
			xsoarFailuresRecorded: xsoarFailed.length,
			containment,
		});
	}, 120_000);
});

/** Counts for the record, printed once. */
function report(counts: IDataObject) {
	process.stdout.write(`chaos: ${JSON.stringify(counts)}\n`);
}
