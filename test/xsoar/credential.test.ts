import { createHash } from 'node:crypto';

import { xsoarAuthHeaders } from '../../credentials/SecOpsXsoarApi.credentials';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { testCredential } from '../harness';
import { MODES, xsoarCredential, xsoarState } from './helpers';
import type { Mode } from './helpers';

describe('Cortex XSOAR credential', () => {
	let sandbox: Sandbox;
	beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const answered = () => sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

	it.each(MODES)('the credential test passes on %s, reading the key\'s own user', async (mode: Mode) => {
		const result = await testCredential('secOpsXsoarApi', xsoarCredential(sandbox, mode));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(answered()).toEqual([`GET ${mode === 'v6' ? '/user' : '/xsoar/user'} 200`]);
	});

	it.each([
		['v6', { apiKey: 'wrong' }],
		['v8 standard', { apiKeyId: '99' }],
		['v8 advanced', { apiKey: 'wrong' }],
	] as const)('the credential test fails on %s with a wrong secret (n8n shows the status text; the node shows XSOAR\'s message)', async (mode, override) => {
		const result = await testCredential('secOpsXsoarApi', { ...xsoarCredential(sandbox, mode), ...override });
		expect(result.status).toBe('Error');
		expect(answered()[0]).toMatch(mode === 'v6' ? / 403$/ : / 401$/);
	});

	it('advanced keys sign each request with a fresh 64-character nonce and a millisecond timestamp', () => {
		const credentials = xsoarCredential(sandbox, 'v8 advanced');
		const now = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
		const first = xsoarAuthHeaders(credentials, now);
		const second = xsoarAuthHeaders(credentials, now);
		expect(first['x-xdr-nonce']).toMatch(/^[A-Za-z0-9]{64}$/);
		expect(first['x-xdr-nonce']).not.toBe(second['x-xdr-nonce']);
		expect(first['x-xdr-timestamp']).toBe(String(Date.UTC(2026, 0, 2, 3, 4, 5)));
		expect(first['x-xdr-auth-id']).toBe(credentials.apiKeyId);
		const expected = createHash('sha256').update(`${String(credentials.apiKey)}${first['x-xdr-nonce']}${first['x-xdr-timestamp']}`).digest('hex');
		expect(first.Authorization).toBe(expected);
		expect(xsoarAuthHeaders(xsoarCredential(sandbox, 'v8 standard'))).toEqual({ Authorization: String(sandbox.credentials('xsoar').v8ApiKey), 'x-xdr-auth-id': '7' });
		expect(xsoarAuthHeaders(xsoarCredential(sandbox, 'v6'))).toEqual({ Authorization: String(sandbox.credentials('xsoar').apiKey) });
	});

	describe('the sandbox checks advanced signatures as XSOAR 8 does', () => {
		const call = async (path: string, headers: Record<string, string>, body?: object) =>
			(
				await fetch(`${sandbox.credentials('xsoar').url as string}${path}`, {
					method: body ? 'POST' : 'GET',
					headers: { ...headers, 'Content-Type': 'application/json' },
					...(body ? { body: JSON.stringify(body) } : {}),
				})
			).status;

		it('accepts a fresh signature once, refuses its replay and a stale timestamp', async () => {
			const headers = xsoarAuthHeaders(xsoarCredential(sandbox, 'v8 advanced'));
			expect(await call('/xsoar/user', headers)).toBe(200);
			expect(await call('/xsoar/user', headers)).toBe(401);
			const stale = xsoarAuthHeaders(xsoarCredential(sandbox, 'v8 advanced'), Date.now() - 10 * 60_000);
			expect(await call('/xsoar/user', stale)).toBe(401);
			expect(xsoarState(sandbox).nonces.size).toBe(1);
		});

		it('accepts a standard key alone (baton-xsoar style) on /xsoar, not on the public API, and never a v6 key on XSOAR 8 paths', async () => {
			const key = String(sandbox.credentials('xsoar').v8ApiKey);
			expect(await call('/xsoar/users', { Authorization: key })).toBe(200);
			const search = { filter: { size: 1 } };
			expect(await call('/xsoar/public/v1/incidents/search', { Authorization: key }, search)).toBe(401);
			expect(await call('/xsoar/public/v1/incidents/search', { Authorization: key, 'x-xdr-auth-id': '7' }, search)).toBe(200);
			expect(await call('/xsoar/user', { Authorization: String(sandbox.credentials('xsoar').apiKey) })).toBe(401);
			expect(await call('/user', { Authorization: key })).toBe(403);
		});
	});
});
