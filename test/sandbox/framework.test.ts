import { createHash } from 'node:crypto';

import {
	TokenStore,
	authorizationCredential,
	basicCredentials,
	clientCredentialsGrant,
	headerKey,
	verifySignedHeaders,
} from '../../sandbox/framework/auth';
import type { ClientToken, OAuthClient, SignedHeadersScheme } from '../../sandbox/framework/auth';
import { Clock, applyClockSettings } from '../../sandbox/framework/clock';
import { multiStatus } from '../../sandbox/framework/multiStatus';
import { clampLimit, decodePageToken, pageAfter, pageAtOffset, pageByNumber, pageByToken } from '../../sandbox/framework/paging';
import { TaskQueue } from '../../sandbox/framework/tasks';
import type { SandboxRequest } from '../../sandbox/framework/types';

function request(headers: Record<string, string>, body?: unknown): SandboxRequest {
	return {
		method: 'POST',
		path: '/token',
		params: {},
		query: new URLSearchParams(),
		headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
		body,
		rawBody: Buffer.alloc(0),
		bodyText: '',
		malformedJson: false,
		baseUrl: 'http://127.0.0.1/vendor',
	};
}

const T0 = Date.parse('2026-04-01T00:00:00.000Z');
const frozen = (at = T0) => {
	const clock = new Clock();
	clock.frozenAt = at;
	return clock;
};

describe('Clock', () => {
	it('runs on wall time by default, shifted by an offset, or frozen and advanced by hand', () => {
		const clock = new Clock();
		expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
		applyClockSettings(clock, { offsetMs: -60_000 });
		expect(Date.now() - clock.now()).toBeGreaterThanOrEqual(59_950);
		applyClockSettings(clock, { frozenAt: '2026-04-01T00:00:00Z', advanceSeconds: 30 });
		expect(clock.iso()).toBe('2026-04-01T00:00:30.000Z');
		applyClockSettings(clock, { frozenAt: null });
		expect(clock.view().frozen).toBe(false);
		clock.reset();
		expect(clock.view()).toEqual(expect.objectContaining({ frozen: false, offsetMs: 0 }));
	});
});

describe('paging helpers', () => {
	const records = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}` }));

	it('clamps a page size to the maximum and defaults it', () => {
		expect(clampLimit(500, { fallback: 20, max: 200 })).toBe(200);
		expect(clampLimit(undefined, { fallback: 20, max: 200 })).toBe(20);
		expect(clampLimit(5, { fallback: 20, max: 200 })).toBe(5);
	});

	it('pages after a cursor ID until none remain', () => {
		expect(pageAfter(records, null, 3)).toEqual({ page: records.slice(0, 3), nextAfter: 'r2' });
		expect(pageAfter(records, 'r5', 3)).toEqual({ page: [records[6]], nextAfter: undefined });
	});

	it('pages at an offset with the neighbouring and last offsets', () => {
		expect(pageAtOffset(records, 3, 3)).toEqual({ page: records.slice(3, 6), total: 7, prevOffset: 0, nextOffset: 6, lastOffset: 6 });
		expect(pageAtOffset(records, 0, 10)).toEqual(expect.objectContaining({ prevOffset: undefined, nextOffset: undefined, lastOffset: 0 }));
		expect(pageAtOffset([], 0, 10).lastOffset).toBe(0);
	});

	it('pages by number from 1 or from 0', () => {
		expect(pageByNumber(records, 3, 3)).toEqual({ page: [records[6]], total: 7, totalPages: 3, nextPage: undefined });
		expect(pageByNumber(records, 0, 3, 0)).toEqual(expect.objectContaining({ page: records.slice(0, 3), nextPage: 1 }));
	});

	it('pages by opaque token and refuses a token it did not issue', () => {
		const first = pageByToken(records, undefined, 4);
		if ('invalidToken' in first) throw new Error('first page refused');
		expect(first.page).toEqual(records.slice(0, 4));
		const second = pageByToken(records, first.nextToken, 4);
		expect(second).toEqual({ page: records.slice(4), nextToken: undefined });
		expect(pageByToken(records, 'NDI', 4)).toEqual({ invalidToken: true });
		expect(decodePageToken(Buffer.from('sbxpage:-1').toString('base64url'))).toBeUndefined();
	});
});

describe('auth helpers', () => {
	it('reads Authorization schemes case-insensitively, Basic with colons in the password, and header keys', () => {
		expect(authorizationCredential(request({ Authorization: 'ssws abc' }), 'SSWS')).toBe('abc');
		expect(authorizationCredential(request({ Authorization: 'Bearer abc' }), 'SSWS')).toBeUndefined();
		expect(authorizationCredential(request({ Authorization: 'Bearer ' }), 'Bearer')).toBeUndefined();
		const basic = `Basic ${Buffer.from('soc:pa:ss').toString('base64')}`;
		expect(basicCredentials(request({ Authorization: basic }))).toEqual({ username: 'soc', password: 'pa:ss' });
		expect(basicCredentials(request({ Authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` }))).toBeUndefined();
		const keys = new Map([['k-1', 'analyst']]);
		expect(headerKey(request({ AUTHTOKEN: 'k-1' }), 'authtoken', keys)).toBe('analyst');
		expect(headerKey(request({ AUTHTOKEN: 'k-2' }), 'authtoken', keys)).toBeUndefined();
	});

	it('keeps tokens live until their lifetime on the vendor clock is up', () => {
		const clock = frozen();
		const store = new TokenStore<{ user: string; expiresAt: number }>(clock);
		const token = store.issue({ user: 'soc' }, 60);
		expect(store.live(token)).toEqual({ user: 'soc', expiresAt: T0 + 60_000 });
		clock.advance(60_000);
		expect(store.live(token)).toBeUndefined();
		const other = store.issue({ user: 'soc' }, 60, 'custom-shape');
		expect(other).toBe('custom-shape');
		expect(store.expireAll()).toBe(2);
		expect(store.live('custom-shape')).toBeUndefined();
	});

	describe('client-credentials grant', () => {
		const clients = new Map<string, OAuthClient>([['app', { secret: 's3cret', principal: 'svc-app', scopes: ['read', 'write'] }]]);
		const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
			request({ 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, fields);

		it('issues a token to a client authenticated in the form or by Basic, for granted scopes', () => {
			const store = new TokenStore<ClientToken>(frozen());
			const byForm = clientCredentialsGrant(form({ grant_type: 'client_credentials', client_id: 'app', client_secret: 's3cret', scope: 'read' }), clients, store, 3600);
			expect(byForm).toEqual(expect.objectContaining({ status: 200, body: expect.objectContaining({ token_type: 'Bearer', expires_in: 3600, scope: 'read' }) }));
			const token = (byForm.body as { access_token: string }).access_token;
			expect(store.live(token)).toEqual(expect.objectContaining({ clientId: 'app', principal: 'svc-app', scopes: ['read'] }));
			const byBasic = clientCredentialsGrant(form({ grant_type: 'client_credentials' }, { Authorization: `Basic ${Buffer.from('app:s3cret').toString('base64')}` }), clients, store, 60);
			expect(byBasic.status).toBe(200);
			expect((byBasic.body as { scope: string }).scope).toBe('read write');
		});

		it.each([
			['a wrong secret', form({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'nope' }), 401, 'invalid_client'],
			['an unknown client', form({ grant_type: 'client_credentials', client_id: 'other', client_secret: 's3cret' }), 401, 'invalid_client'],
			['another grant', form({ grant_type: 'password', client_id: 'app', client_secret: 's3cret' }), 400, 'unsupported_grant_type'],
			['an ungranted scope', form({ grant_type: 'client_credentials', client_id: 'app', client_secret: 's3cret', scope: 'admin' }), 400, 'invalid_scope'],
			['a JSON body', request({ 'Content-Type': 'application/json' }, { grant_type: 'client_credentials' }), 400, 'invalid_request'],
		])('refuses %s with the RFC 6749 error', (_case, req, status, error) => {
			const store = new TokenStore<ClientToken>(frozen());
			expect(clientCredentialsGrant(req, clients, store, 60)).toEqual(expect.objectContaining({ status, body: expect.objectContaining({ error }) }));
			expect(store.size).toBe(0);
		});
	});

	describe('signed headers', () => {
		// Cortex XSOAR's advanced API key: Authorization = SHA-256(key + nonce + timestamp).
		const scheme: SignedHeadersScheme = {
			keyIdHeader: 'x-xdr-auth-id',
			signatureHeader: 'authorization',
			signedHeaders: ['x-xdr-nonce', 'x-xdr-timestamp'],
			secretFor: (id) => (id === '7' ? 'api-key' : undefined),
			sign: (secret, [nonce, timestamp]) => createHash('sha256').update(`${secret}${nonce}${timestamp}`).digest('hex'),
			timestamp: { header: 'x-xdr-timestamp', maxSkewMs: 300_000 },
		};
		const signed = (overrides: Record<string, string> = {}, at = T0) => {
			const headers = { 'x-xdr-auth-id': '7', 'x-xdr-nonce': 'n'.repeat(64), 'x-xdr-timestamp': String(at) };
			return request({ ...headers, authorization: scheme.sign('api-key', [headers['x-xdr-nonce'], headers['x-xdr-timestamp']], request({})), ...overrides });
		};

		it('accepts a fresh, correctly signed request', () => {
			expect(verifySignedHeaders(signed(), scheme, T0 + 1000)).toEqual({ keyId: '7' });
		});

		it.each([
			['a missing header', signed({ 'x-xdr-nonce': '' }), /Missing header\(s\): x-xdr-nonce/],
			['an unknown key ID', signed({ 'x-xdr-auth-id': '8' }), /Unknown key ID/],
			['a wrong signature', signed({ authorization: 'f'.repeat(64) }), /signature does not match/],
			['a stale timestamp', signed({}, T0 - 600_000), /not recent/],
		])('refuses %s', (_case, req, reason) => {
			const result = verifySignedHeaders(req, scheme, T0);
			expect('error' in result && result.error).toMatch(reason);
		});
	});
});

describe('multiStatus', () => {
	it('answers 207 with every item handled on its own, in request order, shaped by the vendor', () => {
		const response = multiStatus(['ok', 'bad', 'ok'], (item, i) => (item === 'ok' ? { status: 202, headers: { 'Operation-Location': `/tasks/${i}` } } : { status: 400, body: { error: 'bad item' } }));
		expect(response).toEqual({
			status: 207,
			body: [
				{ status: 202, headers: { 'Operation-Location': '/tasks/0' } },
				{ status: 400, body: { error: 'bad item' } },
				{ status: 202, headers: { 'Operation-Location': '/tasks/2' } },
			],
		});
		const listed = multiStatus([1], () => ({ status: 202, headers: { A: 'b' } }), (r) => ({ status: r.status, headers: Object.entries(r.headers ?? {}).map(([name, value]) => ({ name, value })) }));
		expect(listed.body).toEqual([{ status: 202, headers: [{ name: 'A', value: 'b' }] }]);
	});
});

describe('TaskQueue', () => {
	it('progresses by polls by default: queued, running at the first poll, succeeded at the second', () => {
		const tasks = new TaskQueue<{ done: boolean }>(frozen());
		const task = tasks.create({ result: { done: true } });
		expect(task).toEqual(expect.objectContaining({ id: 'task-000001', status: 'queued', polls: 0, createdAt: T0 }));
		expect(tasks.peek(task.id)?.status).toBe('queued');
		expect(tasks.poll(task.id)?.status).toBe('running');
		expect(tasks.poll(task.id)).toEqual(expect.objectContaining({ status: 'succeeded', polls: 2, result: { done: true } }));
		expect(tasks.poll('nope')).toBeUndefined();
	});

	it('progresses by the vendor clock, stamping when each stage was reached', () => {
		const clock = frozen();
		const tasks = new TaskQueue(clock, (n) => `job-${n}`);
		const task = tasks.create({ start: { ms: 1000 }, finish: { ms: 5000 }, outcome: 'failed', error: 'Endpoint offline' });
		clock.advance(999);
		expect(tasks.peek(task.id)?.status).toBe('queued');
		clock.advance(1);
		expect(tasks.peek(task.id)).toEqual(expect.objectContaining({ status: 'running', startedAt: T0 + 1000 }));
		clock.advance(10_000);
		expect(tasks.peek(task.id)).toEqual(expect.objectContaining({ id: 'job-1', status: 'failed', finishedAt: T0 + 5000, error: 'Endpoint offline', polls: 0 }));
	});

	it('finishes a task on demand and lists all tasks', () => {
		const tasks = new TaskQueue<string>(frozen());
		const a = tasks.create({ finish: { polls: 100 } });
		tasks.create({ start: { ms: 0 }, finish: { ms: 0 }, result: 'instant' });
		expect(tasks.settle(a.id, 'failed', { error: 'cancelled' })).toEqual(expect.objectContaining({ status: 'failed', error: 'cancelled', finishedAt: T0 }));
		expect(tasks.list().map((t) => [t.status, t.result])).toEqual([
			['failed', undefined],
			['succeeded', 'instant'],
		]);
	});
});
