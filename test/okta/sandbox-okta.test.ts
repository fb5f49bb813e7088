import { SecOpsOktaApi } from '../../credentials/SecOpsOktaApi.credentials';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { GRANTED_SCOPES, SERVICE_APP_CLIENT_ID } from '../../sandbox/vendors/okta/oauthState';
import type { OktaState, OktaUser } from '../../sandbox/vendors/okta/state';

/** The Okta contract the sandbox promises (docs/okta.md), checked over plain HTTP. */
describe('Okta sandbox contract', () => {
	let sandbox: Sandbox;
	let base: string;
	let auth: Record<string, string>;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		base = sandbox.vendorUrl('okta');
		auth = { Authorization: `SSWS ${sandbox.credentials('okta').apiToken}`, Accept: 'application/json' };
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const get = async (path: string) => await fetch(`${base}${path}`, { headers: auth });
	const post = async (path: string) => await fetch(`${base}${path}`, { method: 'POST', headers: auth });
	const next = (response: Response) => /<([^>]+)>; rel="next"/.exec(response.headers.get('link') ?? '')?.[1];

	it('System Log polling mode always has a next link, even on an empty page, and it never carries since', async () => {
		const since = new Date(Date.now() + 60_000).toISOString();
		const empty = await get(`/api/v1/logs?since=${encodeURIComponent(since)}&sortOrder=ASCENDING`);
		expect(await empty.json()).toEqual([]);
		const link = next(empty);
		expect(link).toBeDefined();
		expect(new URL(link!).searchParams.has('since')).toBe(false);
		const again = await fetch(link!, { headers: auth });
		expect(await again.json()).toEqual([]);
		expect(next(again)).toBeDefined();
	});

	it('bounded queries end: the last page has no next link', async () => {
		const until = new Date().toISOString();
		const since = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
		let url: string | undefined = `${base}/api/v1/logs?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}&limit=100`;
		let pages = 0;
		let events = 0;
		while (url) {
			const response: Response = await fetch(url, { headers: auth });
			events += ((await response.json()) as unknown[]).length;
			url = next(response);
			pages++;
		}
		expect(pages).toBeGreaterThan(1);
		expect(events).toBeGreaterThan(100);
	});

	it.each([
		['since with after', '/api/v1/logs?since=2026-11-20T00:00:00Z&after=1_1', 'E0000001'],
		['published in a filter', `/api/v1/logs?filter=${encodeURIComponent('published gt "2026-01-01"')}`, 'E0000031'],
		['since beyond 180 days', '/api/v1/logs?since=2020-01-01T00:00:00Z', 'E0000053'],
		['a limit above 1000', '/api/v1/logs?limit=5000', 'E0000001'],
		['a sortOrder outside the enum', '/api/v1/logs?sortOrder=SIDEWAYS', 'E0000001'],
		['a users limit below 1', '/api/v1/users?limit=0', 'E0000001'],
	])("answers Okta's 400 for %s", async (_case, path, code) => {
		const response = await get(path);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { errorCode: string }).errorCode).toBe(code);
	});

	it('enforces the lifecycle state machine with E0000038 and E0000016', async () => {
		const alice = encodeURIComponent('alice.anders@acme.example');
		expect((await post(`/api/v1/users/${alice}/lifecycle/suspend`)).status).toBe(200);
		const twice = await post(`/api/v1/users/${alice}/lifecycle/suspend`);
		expect(twice.status).toBe(403);
		expect(((await twice.json()) as { errorCode: string }).errorCode).toBe('E0000038');
		const activate = await post(`/api/v1/users/${encodeURIComponent('bob.anders@acme.example')}/lifecycle/activate`);
		expect(((await activate.json()) as { errorCode: string }).errorCode).toBe('E0000016');
	});

	it('sends X-Rate-Limit headers on every response and 429 E0000047 without Retry-After', async () => {
		sandbox.rateLimiter.setLimit('okta', '/api/v1/users', 1, 60_000);
		const ok = await get('/api/v1/users?limit=1');
		expect(ok.headers.get('x-rate-limit-limit')).toBe('1');
		expect(ok.headers.get('x-rate-limit-remaining')).toBe('0');
		expect(ok.headers.get('x-okta-request-id')).toBeTruthy();
		const limited = await get('/api/v1/users?limit=1');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBeNull();
		expect(Number(limited.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
		expect(((await limited.json()) as { errorCode: string }).errorCode).toBe('E0000047');
	});

	it('exposes the admin actions over the admin API', async () => {
		const response = await fetch(`${sandbox.url}/__admin/vendor/okta/seedSignInAnomaly`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ login: 'alice.anders@acme.example', kind: 'newLocation' }),
		});
		const body = (await response.json()) as { appended: number; events: Array<{ eventType: string; securityContext: { risk: { level: string } }; debugContext: { debugData: { behaviors: string } } }> };
		expect(body.appended).toBe(1);
		expect(body.events[0].securityContext.risk.level).toBe('HIGH');
		expect(body.events[0].debugContext.debugData.behaviors).toContain('New Geo-Location=POSITIVE');
	});

	const state = () => sandbox.state<OktaState>('okta');
	const errorCode = async (response: Response) => ((await response.json()) as { errorCode: string }).errorCode;
	const json = async <T>(path: string) => (await (await get(path)).json()) as T;
	/** `n` more ACTIVE users, so page-size clamping shows. */
	const addUsers = (n: number) => {
		const template = state().users[0];
		for (let i = 0; i < n; i++) {
			const login = `extra${i}@acme.example`;
			state().users.push({ ...template, id: `00uextra${String(i).padStart(12, '0')}`, profile: { ...template.profile, login, email: login } });
		}
	};

	describe('/api/v1/users/me', () => {
		it("answers the API token's admin, and is what the API-token credential tests with", async () => {
			expect(new SecOpsOktaApi().test.request.url).toBe('/api/v1/users/me');
			const response = await get('/api/v1/users/me');
			expect(response.status).toBe(200);
			const me = (await response.json()) as OktaUser;
			const admins = state().memberships[state().groups.find((g) => g.profile.name === 'IT Admins')!.id];
			expect(admins).toContain(me.id);
			expect(me.profile.login).toMatch(/@acme\.example$/);
		});

		it("answers 404 E0000007 for a service app's OAuth token, which has no user behind it", async () => {
			const token = state().oauth.tokens.issue({ clientId: SERVICE_APP_CLIENT_ID, scopes: GRANTED_SCOPES }, 3600);
			const headers = { Authorization: `Bearer ${token}` };
			const response = await fetch(`${base}/api/v1/users/me`, { headers });
			expect(response.status).toBe(404);
			expect(await response.json()).toEqual(expect.objectContaining({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: me (User)' }));
			// The same token reads other users: it is the missing user, not the token, that 404s.
			expect((await fetch(`${base}/api/v1/users/alice.anders%40acme.example`, { headers })).status).toBe(200);
		});

		it('refuses a wrong API token before looking for the user', async () => {
			const response = await fetch(`${base}/api/v1/users/me`, { headers: { Authorization: 'SSWS not-a-token' } });
			expect(response.status).toBe(401);
		});
	});

	describe('query parameters the spec declares', () => {
		it('serves a users limit above 200 as 200, with a next link', async () => {
			addUsers(250);
			const response = await get('/api/v1/users?limit=500');
			expect(response.status).toBe(200);
			expect((await response.json()) as unknown[]).toHaveLength(200);
			expect(next(response)).toContain('after=');
		});

		it('serves a group-members limit above 1000 as 1000, and accepts any groups limit', async () => {
			addUsers(1100);
			const everyone = state().groups.find((g) => g.profile.name === 'Everyone')!.id;
			state().memberships[everyone] = state().users.map((u) => u.id);
			expect(await json<unknown[]>(`/api/v1/groups/${everyone}/users?limit=5000`)).toHaveLength(1000);
			expect((await get('/api/v1/groups?limit=20000')).status).toBe(200);
		});

		it('projects users to the requested fields, always with id', async () => {
			const users = await json<Array<Record<string, unknown>>>(`/api/v1/users?limit=3&fields=${encodeURIComponent('status,profile:(login, firstName)')}`);
			expect(users).toHaveLength(3);
			for (const user of users) {
				expect(Object.keys(user).sort()).toEqual(['id', 'profile', 'status']);
				expect(Object.keys(user.profile as object).sort()).toEqual(['firstName', 'login']);
			}
		});

		it('embeds group stats for expand=stats, and accepts expand on users', async () => {
			const groups = await json<Array<{ id: string; _embedded?: { stats: { usersCount: number } } }>>('/api/v1/groups?expand=stats');
			for (const group of groups) expect(group._embedded?.stats.usersCount).toBe(state().memberships[group.id].length);
			expect((await get('/api/v1/users?expand=classification&limit=1')).status).toBe(200);
			expect((await get('/api/v1/users/alice.anders%40acme.example?expand=blocks')).status).toBe(200);
		});

		it('ignores parameters the spec does not declare, as Okta does', async () => {
			expect((await get('/api/v1/logs?verbose=true')).status).toBe(200);
			expect((await get('/api/v1/users?limit=1&pretty=1')).status).toBe(200);
			expect((await get('/api/v1/groups?flavour=x')).status).toBe(200);
			expect((await get('/api/v1/eventHooks?x=1')).status).toBe(200);
			expect((await post(`/api/v1/users/${encodeURIComponent('alice.anders@acme.example')}/lifecycle/suspend?force=true`)).status).toBe(200);
		});
	});

	describe('X-Okta-Request-Id', () => {
		const requestId = (response: Response) => response.headers.get('x-okta-request-id');

		it('comes with successes, 401s, 404s and 400s', async () => {
			const answers = [
				await get('/api/v1/users?limit=1'),
				await fetch(`${base}/api/v1/users`, { headers: { Authorization: 'SSWS wrong' } }),
				await get('/api/v1/nothing'),
				await get('/api/v1/users/nobody'),
				await get('/api/v1/logs?limit=5000'),
			];
			expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 404, 400]);
			for (const answer of answers) expect(requestId(answer)).toMatch(/^[0-9a-f]{24}$/);
			expect(new Set(answers.map(requestId)).size).toBe(answers.length);
		});

		it('comes with 429s, from the limiter and injected', async () => {
			sandbox.rateLimiter.setLimit('okta', '/api/v1/groups', 1, 60_000);
			await get('/api/v1/groups');
			const limited = await get('/api/v1/groups');
			expect(limited.status).toBe(429);
			expect(requestId(limited)).toBeTruthy();
			sandbox.faults.add({ vendor: 'okta', kind: 'rateLimit', times: 1 });
			const injected = await get('/api/v1/users?limit=1');
			expect(injected.status).toBe(429);
			expect(await errorCode(injected)).toBe('E0000047');
			expect(requestId(injected)).toBeTruthy();
			sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 503, times: 1 });
			expect(requestId(await get('/api/v1/users?limit=1'))).toBeTruthy();
		});
	});
});
