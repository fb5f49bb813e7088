/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test helpers: the storm reports its counts on stdout */
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/transport';
import type { OktaState, OktaUser } from '../../sandbox/vendors/okta/state';
import type { PollOptions, PollResult, RunResult, SandboxEngine, WorkflowJson } from '../harness';
import { ActiveWorkflow, Engine, sandboxAction, startSandboxEngine } from '../harness';
import type { FaultShares } from './faults';
import { injectFaultShares } from './faults';

/*
 * A stormy day for an Okta-triggered template, shared by the chaos tests: anomalies for many users while a fifth of
 * the requests to the given vendors fail in every way the sandbox can fail them (seeded, so a run repeats), the
 * trigger's process restarts once and one poll fails outright. Each test then judges what the template left behind.
 * Each test file also compresses `sleep` (a jest.mock must sit in the test file itself).
 */

export const TRIGGER = 'Okta Sign-In Anomaly';
export const POLL_BUDGET_MS = 15_000;
/** The templates' `maxContainmentsPerRun`. */
export const CAP = 20;
/** ServiceNow states Resolved, Closed, Canceled: a repeat after them opens a new incident. */
export const CLOSED = ['6', '7', '8'];

export type Kind = 'highRisk' | 'failedSignIns' | 'threat';
export interface Seeded {
	uuid: string;
	login: string;
	kind: Kind;
}

/**
 * Every fault kind the sandbox has, each on its share of all requests (together a fifth). A `hang` costs a whole
 * request timeout, so it gets a small share.
 */
const FAULT_SHARES: FaultShares = [
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

/**
 * A sandbox and engine whose requests give up after `requestTimeoutMs` (production: 30 s; a `latency` fault stays
 * well below it), restored after the file's tests.
 */
export function stormEnvironment(requestTimeoutMs: number): () => SandboxEngine {
	let env: SandboxEngine;
	const productionTimeout = DEFAULT_RETRY_POLICY.timeoutMs;
	beforeAll(async () => {
		env = await startSandboxEngine();
		DEFAULT_RETRY_POLICY.timeoutMs = requestTimeoutMs;
	});
	afterAll(async () => {
		DEFAULT_RETRY_POLICY.timeoutMs = productionTimeout;
		await env.sandbox.close();
	});
	return () => env;
}

export interface StormPlan {
	vendors: string[];
	users: number;
	rounds: number;
	perRound: number;
	/** In this round, more successful risky sign-ins than the cap allows: `CAP + burstOverCap`. */
	burstRound: number;
	burstOverCap: number;
	/** After seeding this round n8n restarts: a new process with the trigger's static data as n8n persisted it. */
	restartRound: number;
	/** In this round Okta's System Log fails every attempt of one poll; the next poll picks the events up. */
	failedPollRound: number;
}

export interface StormResult {
	seeded: Seeded[];
	emitted: string[];
	runs: RunResult[];
	users: OktaUser[];
	statusBefore: Map<string, string>;
	pollDurations: number[];
	/** Requests the faults failed or throttled. */
	injected: number;
}

export async function weatherStorm(env: SandboxEngine, workflow: WorkflowJson, plan: StormPlan): Promise<StormResult> {
	const engine = new BudgetedEngine(env.engine.credentials);
	const users = env.sandbox.state<OktaState>('okta').users.slice(0, plan.users);
	const statusBefore = new Map(users.map((u) => [u.profile.login, u.status]));
	const seeded: Seeded[] = [];
	const runs: RunResult[] = [];
	const emitted: string[] = [];

	const injectFaults = (seed: number) => {
		env.sandbox.faults.clear();
		injectFaultShares(env.sandbox, plan.vendors, FAULT_SHARES, seed * 100);
	};
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
	for (let round = 0; round < plan.rounds; round++) {
		if (round === plan.burstRound) {
			for (let n = 0; n < CAP + plan.burstOverCap; n++) await seed(users[(n * 3) % users.length].profile.login, 'highRisk');
		} else {
			for (let n = 0; n < plan.perRound; n++) {
				await seed(users[(round * plan.perRound + n * 7) % users.length].profile.login, kinds[(round + n) % kinds.length]);
			}
		}
		if (round === plan.restartRound) {
			const persisted = flow.staticData;
			flow = new ActiveWorkflow(engine, workflow, TRIGGER);
			flow.staticData = persisted;
		}
		if (round === plan.failedPollRound) {
			env.sandbox.faults.clear();
			env.sandbox.faults.add({ vendor: 'okta', method: 'GET', path: '^/api/v1/logs$', kind: 'status', status: 500 });
			await expect(flow.tick()).rejects.toThrow();
			injectFaults(round);
		}
		await tick();
	}
	// The storm passes: the last polls catch up with what is left in the System Log.
	env.sandbox.faults.clear();
	await tick();
	await tick();

	const injected = env.sandbox.requests.filter((r) => r.status === -1 || r.status >= 500 || r.status === 429).length;
	return { seeded, emitted, runs, users, statusBefore, pollDurations: engine.pollDurations, injected };
}

/** What every storm must leave true of the trigger and the executions, whatever the template. */
export function expectTriggerHeld(env: SandboxEngine, storm: StormResult): void {
	expect(storm.injected / env.sandbox.requests.length).toBeGreaterThan(0.1);
	// The trigger emitted every anomaly exactly once, across the restart and the failed poll.
	expect([...storm.emitted].sort()).toEqual(storm.seeded.map((s) => s.uuid).sort());
	for (const run of storm.runs) expect(run.run.data.resultData.error).toBeUndefined();
	expect(Math.max(...storm.pollDurations)).toBeLessThanOrEqual(POLL_BUDGET_MS);
}

/** Counts for the record, printed once. */
export function report(counts: IDataObject): void {
	process.stdout.write(`chaos: ${JSON.stringify(counts)}\n`);
}
