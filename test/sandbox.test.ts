import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';

/** The sandbox is a contract double: these tests pin the parts of Okta's contract the foundation relies on. */
describe('sandbox', () => {
	let sandbox: Sandbox;
	let base: string;
	let token: string;
	const okta = (path: string, init: RequestInit = {}) =>
		fetch(`${base}${path}`, { ...init, headers: { Authorization: `SSWS ${token}`, ...(init.headers ?? {}) } });
	const admin = (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
		fetch(`${sandbox.url}/__admin${path}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		base = sandbox.vendorUrl('okta');
		token = sandbox.credentials('okta').apiToken as string;
	});
	afterAll(async () => await sandbox.close());
	beforeEach(async () => void (await admin('/reset', {})));

	it('serves Okta users with Link paging and rate-limit headers', async () => {
		const response = await okta('/api/v1/users?limit=2');
		expect(response.status).toBe(200);
		const users = (await response.json()) as Array<{ id: string; status: string; profile: { login: string } }>;
		expect(users).toHaveLength(2);
		expect(users[0]).toEqual(expect.objectContaining({ id: expect.stringMatching(/^00u[0-9a-z]{17}$/), status: 'ACTIVE' }));
		const link = response.headers.get('link') ?? '';
		expect(link).toContain('rel="self"');
		const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
		expect(next).toContain(`after=${users[1].id}`);
		const page2 = (await (await okta(next!.slice(base.length))).json()) as Array<{ id: string }>;
		expect(page2[0].id).not.toBe(users[1].id);
		expect(response.headers.get('x-rate-limit-limit')).toMatch(/^\d+$/);
		expect(response.headers.get('x-rate-limit-reset')).toMatch(/^\d{10}$/);
	});

	it("answers a wrong token with Okta's 401 envelope", async () => {
		const response = await fetch(`${base}/api/v1/users?limit=2`, { headers: { Authorization: 'SSWS wrong' } });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({
			errorCode: 'E0000011',
			errorSummary: 'Invalid token provided',
			errorLink: 'E0000011',
			errorId: expect.any(String),
			errorCauses: [],
		});
	});

	it("validates declared parameters with zod and answers Okta's 400", async () => {
		const response = await okta('/api/v1/users?limit=0');
		expect(response.status).toBe(400);
		const body = (await response.json()) as { errorCode: string; errorCauses: Array<{ errorSummary: string }> };
		expect(body.errorCode).toBe('E0000001');
		expect(body.errorCauses[0].errorSummary).toMatch(/^limit: /);
	});

	it("answers unknown routes and users with Okta's 404", async () => {
		const user = await okta('/api/v1/users/nobody@acme.example');
		expect(user.status).toBe(404);
		expect(await user.json()).toEqual(expect.objectContaining({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: nobody@acme.example (User)' }));
		expect((await okta('/api/v1/nothing')).status).toBe(404);
	});

	it('injects faults per vendor and route through the admin API, a given number of times', async () => {
		expect((await admin('/faults', { vendor: 'okta', method: 'GET', path: '^/api/v1/users$', kind: 'status', status: 502, times: 1 })).status).toBe(201);
		expect((await okta('/api/v1/users/alice.anders@acme.example')).status).toBe(200);
		expect((await okta('/api/v1/users?limit=1')).status).toBe(502);
		expect((await okta('/api/v1/users?limit=1')).status).toBe(200);

		await admin('/faults', { vendor: 'okta', kind: 'rateLimit', resetInSeconds: 30, times: 1 });
		const throttled = await okta('/api/v1/users?limit=1');
		expect(throttled.status).toBe(429);
		expect(throttled.headers.get('retry-after')).toBeNull();
		expect(throttled.headers.get('x-rate-limit-remaining')).toBe('0');
		expect(Number(throttled.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000 + 25);
		expect(((await throttled.json()) as { errorCode: string }).errorCode).toBe('E0000047');

		await admin('/faults', { vendor: 'okta', kind: 'malformed', times: 1 });
		await expect((await okta('/api/v1/users?limit=1')).json()).rejects.toThrow();

		await admin('/faults', { vendor: 'okta', kind: 'reset', times: 1 });
		await expect(okta('/api/v1/users?limit=1')).rejects.toThrow();

		await admin('/faults', { vendor: 'okta', kind: 'latency', delayMs: 300, times: 1 });
		const started = Date.now();
		expect((await okta('/api/v1/users?limit=1')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('enforces rate limits set through the admin API, with Okta headers', async () => {
		await admin('/rate-limits', { vendor: 'okta', bucket: '/api/v1/users', limit: 2, windowMs: 60_000 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await okta('/api/v1/users?limit=1')).status);
		expect(statuses).toEqual([200, 200, 429]);
	});

	it('records requests and exposes state and credentials', async () => {
		await okta('/api/v1/users?limit=1&search=status%20eq%20%22ACTIVE%22');
		const log = (await (await admin('/requests/okta')).json()) as Array<{ path: string; query: Record<string, string[]> }>;
		expect(log).toEqual([expect.objectContaining({ path: '/api/v1/users', query: { limit: ['1'], search: ['status eq "ACTIVE"'] } })]);
		const state = (await (await admin('/state/okta')).json()) as { users: unknown[] };
		expect(state.users.length).toBeGreaterThanOrEqual(50);
		const credentials = (await (await admin('/credentials')).json()) as Record<string, { url: string }>;
		expect(credentials.okta.url).toBe(base);
	});

	it('evaluates SCIM filters with quoted values, so injected text stays a literal', async () => {
		const injected = encodeURIComponent('profile.login eq "x\\" or status eq \\"ACTIVE"');
		const users = (await (await okta(`/api/v1/users?search=${injected}`)).json()) as unknown[];
		expect(users).toEqual([]);
	});
});
