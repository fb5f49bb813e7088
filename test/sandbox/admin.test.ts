import { sleep } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { vendors } from '../../sandbox/vendors';
import type { ServiceNowState } from '../../sandbox/vendors/servicenow/state';

/** The admin API refuses what it cannot do, the hang fault, and the vendor clocks. */
describe('sandbox admin API', () => {
	let sandbox: Sandbox;
	let oktaAuth: Record<string, string>;
	const admin = async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') => {
		const response = await fetch(`${sandbox.url}/__admin${path}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};
	const okta = (path: string, init: RequestInit = {}) => fetch(`${sandbox.vendorUrl('okta')}${path}`, { ...init, headers: oktaAuth });

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		oktaAuth = { Authorization: `SSWS ${sandbox.credentials('okta').apiToken}` };
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	describe('refusals', () => {
		const unknownVendor = expect.objectContaining({ message: expect.stringContaining('Unknown vendor "oktaa"'), vendors: vendors.map((m) => m.name) });

		it.each([
			['a reset', '/reset', { vendor: 'oktaa' }, 'POST'],
			['a fault', '/faults', { vendor: 'oktaa', kind: 'status', status: 500 }, 'POST'],
			['clearing faults', '/faults?vendor=oktaa', undefined, 'DELETE'],
			['a rate limit', '/rate-limits', { vendor: 'oktaa', limit: 1, windowMs: 1000 }, 'POST'],
			['a vendor action', '/vendor/oktaa/seedSignInAnomaly', {}, 'POST'],
			['a state read', '/state/oktaa', undefined, 'GET'],
			['a clock change', '/clock', { vendor: 'oktaa', advanceSeconds: 1 }, 'POST'],
		])('refuses %s for an unknown vendor with 400 and the valid vendors', async (_case, path, body, method) => {
			const response = await admin(path, body, method);
			expect(response).toEqual({ status: 400, body: unknownVendor });
		});

		it('keeps what an unknown-vendor reset would have cleared', async () => {
			sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 500 });
			await admin('/reset', { vendor: 'oktaa' });
			expect(sandbox.faults.list()).toHaveLength(1);
		});

		it('refuses a fault whose path is not a regular expression, and the vendor keeps working', async () => {
			const response = await admin('/faults', { vendor: 'okta', path: '^/api/v1/users(', kind: 'status', status: 500 });
			expect(response.status).toBe(400);
			expect(response.body.message).toMatch(/path: "\^\/api\/v1\/users\(" is not a valid regular expression/);
			expect(sandbox.faults.list()).toEqual([]);
			expect((await okta('/api/v1/users?limit=1')).status).toBe(200);
		});

		it('refuses an unknown vendor action, listing the valid ones', async () => {
			const response = await admin('/vendor/okta/seedAnomaly', {});
			expect(response.status).toBe(400);
			expect(response.body.actions).toEqual(['seedSignInAnomaly', 'appendLogEvents', 'expireOAuthTokens', 'deliverEventHooks']);
			expect(response.body.message).toContain('Unknown action "seedAnomaly" for okta');
		});

		it('refuses a fault of an unknown kind and a body that is not JSON, saying why', async () => {
			const kind = await admin('/faults', { vendor: 'okta', kind: 'explode' });
			expect(kind.status).toBe(400);
			expect(kind.body.message).toMatch(/^Invalid admin request: kind: /);
			const broken = await admin('/faults', '{"vendor": "okta",');
			expect(broken).toEqual({ status: 400, body: { message: expect.stringContaining('JSON body') } });
		});

		it("answers a vendor action's own refusal with 400 and its reason", async () => {
			const response = await admin('/vendor/okta/seedSignInAnomaly', { login: 'nobody@acme.example' });
			expect(response).toEqual({ status: 400, body: { message: 'No Okta user nobody@acme.example' } });
		});

		it('lists every vendor with its action names', async () => {
			const { body } = await admin('/vendors');
			expect(body).toEqual([
				{ name: 'okta', actions: ['seedSignInAnomaly', 'appendLogEvents', 'expireOAuthTokens', 'deliverEventHooks'] },
				{ name: 'servicenow', actions: ['clock', 'clientCredentials', 'tokenLifetime', 'revokeTokens'] },
				{
					name: 'pam360',
					actions: ['createRpaEntry', 'approveRpaEntry', 'rejectRpaEntry', 'editRpaEntry', 'deleteRpaEntry', 'expireRpaEntry', 'accountRequirements'],
				},
				{ name: 'xsoar', actions: ['clock', 'concurrentEdit'] },
				{ name: 'conductorone', actions: ['registerApp', 'expireTokens', 'tokenLifetime'] },
				{ name: 'visionone', actions: ['raiseAlerts', 'touchAlert', 'openCase', 'touchCase', 'taskTiming', 'alertPageSize'] },
			]);
		});
	});

	describe('the hang fault', () => {
		it('accepts the request and never answers, until the client gives up; later requests are served', async () => {
			expect((await admin('/faults', { vendor: 'okta', path: '^/api/v1/users$', kind: 'hang', times: 1 })).status).toBe(201);
			const started = Date.now();
			await expect(okta('/api/v1/users?limit=1', { signal: AbortSignal.timeout(400) })).rejects.toThrow(/aborted|timeout/i);
			expect(Date.now() - started).toBeGreaterThanOrEqual(390);
			expect(sandbox.requests.map((r) => [r.path, r.status])).toEqual([['/api/v1/users', -1]]);
			expect((await okta('/api/v1/users?limit=1')).status).toBe(200);
		});

		it('does not hold up closing the sandbox, nor does a long latency fault', async () => {
			const own = await startSandbox({ port: 0 });
			own.faults.add({ vendor: 'okta', path: '^/api/v1/users$', kind: 'hang' });
			own.faults.add({ vendor: 'okta', path: '^/api/v1/groups$', kind: 'latency', delayMs: 60_000 });
			const headers = { Authorization: `SSWS ${own.credentials('okta').apiToken}` };
			const hanging = fetch(`${own.vendorUrl('okta')}/api/v1/users`, { headers }).catch((error: Error) => error);
			const slow = fetch(`${own.vendorUrl('okta')}/api/v1/groups`, { headers }).catch((error: Error) => error);
			for (let i = 0; i < 100 && own.requests.length < 2; i++) await sleep(10);
			expect(own.requests).toHaveLength(2);
			const started = Date.now();
			await own.close();
			expect(Date.now() - started).toBeLessThan(1000);
			// The clients learn the connection is gone (fetch's TypeError comes from another realm than jest's Error).
			expect(String(await hanging)).toMatch(/fetch failed/);
			expect(String(await slow)).toMatch(/fetch failed/);
			// The held answer was given up at once, not left to fire in a minute.
			await sleep(50);
			expect(own.requests.map((r) => r.status)).toEqual([-1, -1]);
		});
	});

	describe('vendor clocks', () => {
		it('freezes a vendor clock, which then stamps what the vendor writes', async () => {
			const frozenAt = '2026-03-01T12:00:00.000Z';
			expect(await admin('/clock', { vendor: 'okta', frozenAt })).toEqual({ status: 200, body: { vendor: 'okta', now: frozenAt, frozen: true, offsetMs: 0 } });
			expect((await okta('/api/v1/users/alice.anders%40acme.example/lifecycle/suspend', { method: 'POST' })).status).toBe(200);
			const alice = sandbox.state<OktaState>('okta').users.find((u) => u.profile.login === 'alice.anders@acme.example')!;
			expect(alice.statusChanged).toBe(frozenAt);
			expect(sandbox.state<OktaState>('okta').logs.events.at(-1)).toEqual(expect.objectContaining({ eventType: 'user.lifecycle.suspend', published: frozenAt }));
			await admin('/clock', { vendor: 'okta', advanceSeconds: 90 });
			expect((await admin('/clock/okta')).body.now).toBe('2026-03-01T12:01:30.000Z');
			// Other vendors keep wall time.
			expect(Math.abs(Date.parse(String((await admin('/clock/servicenow')).body.now)) - Date.now())).toBeLessThan(5000);
		});

		it('shifts a running clock by an offset, and a reset brings back wall time', async () => {
			await admin('/clock', { vendor: 'servicenow', offsetMs: 3_600_000 });
			const { username, password } = sandbox.credentials('servicenow');
			const response = await fetch(`${sandbox.vendorUrl('servicenow')}/api/now/table/incident?sysparm_limit=1`, {
				headers: { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
			});
			expect(Date.parse(response.headers.get('date')!) - Date.now()).toBeGreaterThan(3_590_000);
			expect(sandbox.state<ServiceNowState>('servicenow').clock.offsetMs).toBe(3_600_000);
			await admin('/reset', { vendor: 'servicenow' });
			expect((await admin('/clock/servicenow')).body).toEqual(expect.objectContaining({ frozen: false, offsetMs: 0 }));
		});

		it('keeps the ServiceNow clock action working on the same clock', async () => {
			await admin('/vendor/servicenow/clock', { frozenAt: '2026-02-01T00:00:00Z', advanceSeconds: 2 });
			expect((await admin('/clock/servicenow')).body.now).toBe('2026-02-01T00:00:02.000Z');
		});

		it('refuses clock settings it does not know', async () => {
			const response = await admin('/clock', { vendor: 'okta', frozenAt: 'yesterday' });
			expect(response.status).toBe(400);
			expect(response.body.message).toMatch(/frozenAt/);
		});
	});
});
