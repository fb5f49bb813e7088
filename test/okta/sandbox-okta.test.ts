import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';

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
		['an unknown query parameter', '/api/v1/logs?verbose=true', 'E0000001'],
		['a limit above 1000', '/api/v1/logs?limit=5000', 'E0000001'],
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
});
