import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { OKTA_NODE, loginFromItem, oktaWorkflow } from './workflow';

const USERS = 500;
const LIMIT = 20;
const WINDOW_MS = 2000;
/** The least time USERS calls can take at LIMIT per window: every window but the last is waited out in full. */
const MINIMUM_MS = (Math.ceil(USERS / LIMIT) - 1) * WINDOW_MS;

describe(`Okta rate limits: ${USERS} suspensions under ${LIMIT} calls per ${WINDOW_MS / 1000} s`, () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	it('suspends every user in one execution, no failed item, within 1.25 times the minimum time', async () => {
		const state = env.sandbox.state<OktaState>('okta');
		// Top the org up to USERS active users (the seed has 53).
		const template = state.users.find((u) => u.status === 'ACTIVE')!;
		for (let n = 0; state.users.filter((u) => u.status === 'ACTIVE').length < USERS; n++) {
			const login = `bulk.user${n}@acme.example`;
			state.users.push({ ...structuredClone(template), id: `00ubulk${String(n).padStart(13, '0')}`, profile: { ...template.profile, login, email: login } });
		}
		const logins = state.users.filter((u) => u.status === 'ACTIVE').map((u) => u.profile.login);
		expect(logins).toHaveLength(USERS);

		// The users endpoint family (`/api/v1/users/{id}` and its lifecycle calls) shares one bucket, as in Okta.
		env.sandbox.rateLimiter.setLimit('okta', '/api/v1/users/:id', LIMIT, WINDOW_MS);
		const started = Date.now();
		const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'suspend', user: loginFromItem }), {
			items: logins.map((login) => ({ json: { login } })),
		});

		const elapsed = Date.now() - started;
		expect(result.error(OKTA_NODE)).toBeUndefined();
		expect(elapsed / MINIMUM_MS).toBeLessThanOrEqual(1.25);
		const outputs = result.json(OKTA_NODE);
		expect(outputs).toHaveLength(USERS);
		expect(outputs.every((o) => o.outcome === 'suspended' && o.error === undefined)).toBe(true);
		expect(state.users.filter((u) => logins.includes(u.profile.login)).every((u) => u.status === 'SUSPENDED')).toBe(true);
		const throttled = env.sandbox.requests.filter((r) => r.status === 429);
		expect(throttled.length).toBeGreaterThan(0);
		// Every throttled call was waited out and repeated: exactly one suspension per user went through.
		expect(env.sandbox.requests.filter((r) => r.status === 200)).toHaveLength(USERS);
		expect(state.logs.events.filter((e) => e.eventType === 'user.lifecycle.suspend')).toHaveLength(USERS);
	}, 180_000);
});
