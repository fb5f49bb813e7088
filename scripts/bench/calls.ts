import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { OktaState, OktaUser } from '../../sandbox/vendors/okta/state';
import type { Engine, WorkflowJson } from '../../test/harness';
import type { Compared } from './measure';
import { alternate, measure } from './measure';

const CREDENTIALS = { secOpsOktaApi: { id: 'bench', name: 'Okta Sandbox' } };

const oneNode = (type: string, typeVersion: number, parameters: INodeParameters): WorkflowJson => ({
	nodes: [{ id: 'bench-0000-4000-8000-000000000002', name: 'Call', type, typeVersion, position: [0, 0], parameters, credentials: CREDENTIALS }],
	connections: {},
});

/** Tops the sandbox's Okta org up to `count` active users (the seed has 53) and returns their logins. */
function activeUsers(sandbox: Sandbox, count: number): string[] {
	const state = sandbox.state<OktaState>('okta');
	const template = state.users.find((u) => u.status === 'ACTIVE') as OktaUser;
	for (let n = 0; state.users.filter((u) => u.status === 'ACTIVE').length < count; n++) {
		const login = `bench.user${n}@acme.example`;
		state.users.push({ ...structuredClone(template), id: `00ubench${String(n).padStart(12, '0')}`, profile: { ...template.profile, login, email: login } });
	}
	return state.users.filter((u) => u.status === 'ACTIVE').map((u) => u.profile.login).slice(0, count);
}

export const CALLS = 300;

/**
 * The same call, GET /api/v1/users/{login} with the same Okta API token credential: our Okta node (Get User, raw
 * output) vs n8n's HTTP Request node (predefined credential type secOpsOktaApi), each in CALLS executions of one item
 * one after the other. One item per execution because the HTTP Request node sends all of an execution's items at once
 * (its only batching waits between batches), while ours sends them one by one: many items would time concurrency.
 */
export async function perCallOverhead(sandbox: Sandbox, engine: Engine): Promise<Compared> {
	const logins = activeUsers(sandbox, CALLS);
	// No rate limit here: this row is about what each node adds to a call, not about waiting (the next row is).
	sandbox.rateLimiter.setLimit('okta', '*', 1_000_000, 60_000);
	const ours = oneNode('n8n-nodes-secops.okta', 1, {
		authentication: 'apiToken',
		resource: 'user',
		operation: 'get',
		user: { __rl: true, mode: 'login', value: '={{ $json.login }}' },
		simplify: false,
	});
	const httpRequest = oneNode('n8n-nodes-base.httpRequest', 4.2, {
		method: 'GET',
		url: `=${sandbox.vendorUrl('okta')}/api/v1/users/{{ encodeURIComponent($json.login) }}`,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'secOpsOktaApi',
		options: {},
	});
	const run = (workflow: WorkflowJson) => async () => {
		const before = sandbox.requests.length;
		for (const login of logins) {
			const result = await engine.run(workflow, { items: [{ json: { login } }] });
			const error = result.error('Call');
			if (error) throw new Error(`${workflow.nodes[0].type}: ${error.message}`);
			const [user] = result.json('Call');
			if ((user?.profile as { login?: string } | undefined)?.login !== login) throw new Error(`${workflow.nodes[0].type} did not return ${login}`);
		}
		return sandbox.requests.slice(before).filter((r) => r.path.startsWith('/api/v1/users/') && r.status === 200).length;
	};
	return await alternate(run(ours), run(httpRequest));
}

export const CONTAINMENTS = 1000;
export const LIMIT = 20;
export const WINDOW_MS = 2000;
/** The least time CONTAINMENTS calls can take at LIMIT per window: every window but the last is waited out in full. */
export const MINIMUM_MS = (Math.ceil(CONTAINMENTS / LIMIT) - 1) * WINDOW_MS;

export interface Containment {
	ms: number;
	peakMb: number;
	failed: number;
	/** Suspensions Okta carried out (its System Log): exactly one per user. */
	suspended: number;
	throttled: number;
}

/** 1,000 Okta suspensions in one execution while Okta allows 20 calls per 2 s on the users bucket. */
export async function containmentsUnderLimit(sandbox: Sandbox, engine: Engine): Promise<Containment> {
	const logins = activeUsers(sandbox, CONTAINMENTS);
	const state = sandbox.state<OktaState>('okta');
	sandbox.rateLimiter.setLimit('okta', '/api/v1/users/:id', LIMIT, WINDOW_MS);
	const workflow = oneNode('n8n-nodes-secops.okta', 1, {
		authentication: 'apiToken',
		resource: 'user',
		operation: 'suspend',
		user: { __rl: true, mode: 'login', value: '={{ $json.login }}' },
	});
	let failed = 0;
	const measured = await measure(async () => {
		const result = await engine.run(workflow, { items: logins.map((login) => ({ json: { login } })) });
		if (result.error('Call')) failed = CONTAINMENTS;
		else failed = result.json('Call').filter((o) => o.outcome !== 'suspended' || o.error !== undefined).length;
		return CONTAINMENTS;
	});
	return {
		ms: measured.ms,
		peakMb: measured.peakMb,
		failed,
		suspended: state.logs.events.filter((e) => e.eventType === 'user.lifecycle.suspend').length,
		throttled: sandbox.requests.filter((r) => r.status === 429).length,
	};
}
