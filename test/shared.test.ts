import { createHmac, generateKeyPairSync, verify } from 'node:crypto';

import type { IHttpRequestOptions } from 'n8n-workflow';

import { authenticationSelector } from '../nodes/shared/authentication';
import { vendorClient } from '../nodes/shared/client';
import { dryRunResult } from '../nodes/shared/dryRun';
import { vendorApiError } from '../nodes/shared/errors';
import { clientAssertion, privateKeyFrom } from '../nodes/shared/jwt';
import { multiStatusResults } from '../nodes/shared/multiStatus';
import { waitForTask } from '../nodes/shared/tasks';
import { vendorRequest } from '../nodes/shared/transport';
import { hmacMatches, secretMatches } from '../nodes/shared/webhook';
import type { ApiContext, VendorProfile } from '../nodes/shared/types';
import { collectPages, linkOnOrigin, nextOffset, nextPageNumber, nextToken, parseLinkHeader } from '../nodes/shared/paging';
import { resetHeaderMs, retryAfterHeaderMs } from '../nodes/shared/rateLimit';
import { credentialSecrets, redactText, redactValue } from '../nodes/shared/redact';
import { pathSegment } from '../nodes/shared/validation';

const node = { id: '1', name: 'Test', type: 'n8n-nodes-secops.okta', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('paging', () => {
	it('parses Link headers, also when the client joined several into one', () => {
		const links = parseLinkHeader({
			link: '<https://o.example/api/v1/users?limit=2>; rel="self", <https://o.example/api/v1/users?after=00u2&limit=2>; rel="next"',
		});
		expect(links).toEqual({
			self: 'https://o.example/api/v1/users?limit=2',
			next: 'https://o.example/api/v1/users?after=00u2&limit=2',
		});
		expect(parseLinkHeader({ Link: ['<https://a/1>; rel="self"', '<https://a/2>; rel="next"'] }).next).toBe('https://a/2');
	});

	it('collects pages up to a limit and stops on a repeated cursor', async () => {
		const pages = [[1, 2], [3, 4], [5]];
		const fetched: Array<number | undefined> = [];
		const all = await collectPages<number, number>(async (cursor) => {
			fetched.push(cursor);
			const index = cursor ?? 0;
			return { items: pages[index], next: index + 1 < pages.length ? index + 1 : undefined };
		});
		expect(all).toEqual([1, 2, 3, 4, 5]);
		expect(await collectPages(async (c: number | undefined) => ({ items: pages[c ?? 0], next: (c ?? 0) + 1 }), { limit: 3 })).toEqual([1, 2, 3]);
		let calls = 0;
		await collectPages(async () => ({ items: [calls++], next: 'same' }));
		expect(calls).toBe(2);
	});

	it('computes offset, page-number and token cursors', () => {
		expect(nextOffset(0, 100, 100)).toBe(100);
		expect(nextOffset(0, 100, 40)).toBeUndefined();
		expect(nextOffset(100, 100, 100, 200)).toBeUndefined();
		expect(nextPageNumber(1, 50, 50, 3)).toBe(2);
		expect(nextPageNumber(3, 50, 50, 3)).toBeUndefined();
		expect(nextToken('abc')).toBe('abc');
		expect(nextToken('')).toBeUndefined();
	});
});

describe('rate-limit headers', () => {
	it('reads Retry-After as seconds or an HTTP date', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterHeaderMs({ 'Retry-After': '3' }, now)).toBe(3000);
		expect(retryAfterHeaderMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, now)).toBe(10_000);
		expect(retryAfterHeaderMs({}, now)).toBeUndefined();
	});

	it('measures X-Rate-Limit-Reset on the local clock while it agrees with the server, else on the server clock', () => {
		const serverNow = Date.parse('2026-01-01T00:00:00Z');
		const headers = { 'x-rate-limit-reset': String(serverNow / 1000 + 5), date: new Date(serverNow).toUTCString() };
		// In step with the server (its Date header is truncated to the second): the wait is exact, plus a small margin.
		expect(resetHeaderMs(headers, serverNow + 400)).toBe(4600 + 250);
		// A local clock running 60 s fast (or 30 s slow) must neither shorten nor stretch the wait.
		expect(resetHeaderMs(headers, serverNow + 60_000)).toBe(4500 + 250);
		expect(resetHeaderMs(headers, serverNow - 30_000)).toBe(4500 + 250);
		// No Date header: the local clock.
		expect(resetHeaderMs({ 'x-rate-limit-reset': String(serverNow / 1000 + 2) }, serverNow)).toBe(2250);
	});
});

describe('redaction', () => {
	it('removes credential secrets, auth headers and token parameters', () => {
		const secrets = credentialSecrets({ url: 'https://acme.okta.com', apiToken: 'tok-123456', clientSecret: 's3cr3t-value' });
		expect(secrets).toEqual(['s3cr3t-value', 'tok-123456']);
		expect(redactText('token tok-123456 and s3cr3t-value', secrets)).toBe('token [redacted] and [redacted]');
		expect(redactText('Authorization: Bearer eyJhbGciOi.abc.def')).toBe('Authorization: Bearer [redacted]');
		expect(redactText('POST /oauth?client_secret=abc&x=1')).toBe('POST /oauth?client_secret=[redacted]&x=1');
		expect(redactValue({ nested: { password: 'p', note: 'has tok-123456' } }, secrets)).toEqual({
			nested: { password: '[redacted]', note: 'has [redacted]' },
		});
	});
});

describe('path segments', () => {
	it('encodes IDs and refuses what could retarget the request', () => {
		expect(pathSegment(node, 'alice@acme.com', 'User', 0)).toBe('alice%40acme.com');
		expect(pathSegment(node, 'a b?c#d', 'User', 0)).toBe('a%20b%3Fc%23d');
		for (const bad of ['', '  ', '..', '../x', 'a/b', 'a\\b', 'a\r\nb', 'a\u0000b']) {
			expect(() => pathSegment(node, bad, 'User', 3)).toThrow(/User/);
		}
		try {
			pathSegment(node, 'a/b', 'User', 3);
		} catch (error) {
			expect((error as { context: { itemIndex: number } }).context.itemIndex).toBe(3);
		}
	});
});

describe('dry run', () => {
	it('returns the exact method, URL with query and body, sending nothing', () => {
		expect(
			dryRunResult({ method: 'POST', url: 'https://acme.okta.com/api/v1/users/00u1/lifecycle/suspend', qs: { sendEmail: false }, body: { a: 1 } }),
		).toEqual({
			dryRun: true,
			method: 'POST',
			url: 'https://acme.okta.com/api/v1/users/00u1/lifecycle/suspend?sendEmail=false',
			body: { a: 1 },
		});
	});
});

describe('JWT signing with node:crypto', () => {
	const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

	it.each([
		['RS256', () => generateKeyPairSync('rsa', { modulusLength: 2048 }), 'RSA-SHA256', {}],
		['ES256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'sha256', { dsaEncoding: 'ieee-p1363' as const }],
		['EdDSA', () => generateKeyPairSync('ed25519'), null, {}],
	] as const)('signs a %s client assertion that verifies with the public key', (algorithm, keys, digest, options) => {
		const { privateKey, publicKey } = keys();
		const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString().replace(/\n/g, '\\n');
		const jwt = clientAssertion({ algorithm, clientId: 'client-1', audience: 'tenant.example', key: privateKeyFrom(pem), keyId: 'k1', claims: { nonce: 'n-1' } });
		const [header, claims, signature] = jwt.split('.');
		expect(decode(header)).toEqual({ typ: 'JWT', alg: algorithm, kid: 'k1' });
		expect(decode(claims)).toEqual(expect.objectContaining({ iss: 'client-1', sub: 'client-1', aud: 'tenant.example', nonce: 'n-1' }));
		const body = decode(claims) as { iat: number; exp: number };
		expect(body.exp - body.iat).toBe(300);
		expect(verify(digest, Buffer.from(`${header}.${claims}`), { key: publicKey, ...options }, Buffer.from(signature, 'base64url'))).toBe(true);
	});
});

describe('waiting for an asynchronous task', () => {
	const states = (sequence: string[]) => {
		let reads = 0;
		return {
			read: async () => sequence[Math.min(reads++, sequence.length - 1)],
			stateOf: (s: string) => (s === 'queued' || s === 'running' ? ('pending' as const) : ('done' as const)),
			reads: () => reads,
		};
	};

	it('reads until a final state and reports it', async () => {
		const task = states(['queued', 'running', 'succeeded']);
		const outcome = await waitForTask({ ...task, budgetMs: 5000, intervalMs: 10 });
		expect(outcome).toEqual(expect.objectContaining({ task: 'succeeded', finished: true }));
		expect(task.reads()).toBe(3);
	});

	it('returns the last state, not an error, when the budget runs out', async () => {
		const started = Date.now();
		const outcome = await waitForTask({ ...states(['running']), budgetMs: 300, intervalMs: 50, maxIntervalMs: 100 });
		expect(outcome).toEqual(expect.objectContaining({ task: 'running', finished: false }));
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(Date.now() - started).toBeLessThan(600);
	});
});

describe('vendor bodies that say "failed"', () => {
	/** PAM360-like: HTTP 200 whose body carries the outcome; Vision One-like: 207 with one status per part. */
	const vendor: VendorProfile = {
		name: 'Vault',
		parseError: (body) => {
			const b = body as { operation?: { result?: { message?: string } }; error?: { code?: string; message?: string } };
			return b.operation?.result?.message ? { message: b.operation.result.message } : { message: b.error?.message, code: b.error?.code };
		},
		retryAfterMs: () => undefined,
		failedBody: (body) => (body as { operation?: { result?: { status?: string } } })?.operation?.result?.status === 'Failed',
		multiStatusParts: (body) => (body as Array<{ status: number; body: unknown }>).map((p) => ({ status: p.status, body: p.body })),
	};
	const context = (answer: { statusCode: number; body: unknown }) =>
		({
			getNode: () => node,
			getCredentials: async () => ({}),
			helpers: { httpRequestWithAuthentication: async () => ({ ...answer, headers: {} }) },
		}) as unknown as ApiContext;

	it('turns a 200 whose body says Failed into a NodeApiError with the vendor message', async () => {
		const failed = { statusCode: 200, body: { operation: { result: { status: 'Failed', message: 'Reason is mandatory' } } } };
		await expect(vendorRequest.call(context(failed), vendor, 'vaultApi', { method: 'GET', url: 'https://vault.example/x' })).rejects.toThrow(
			'Vault: Reason is mandatory',
		);
		const fine = { statusCode: 200, body: { operation: { result: { status: 'Success' } } } };
		const response = await vendorRequest.call(context(fine), vendor, 'vaultApi', { method: 'GET', url: 'https://vault.example/x' });
		expect(response.statusCode).toBe(200);
	});

	it("keeps the vendor's own message when it contains an errno name n8n would rewrite", () => {
		const body = { error: { message: 'CreateAccessReview refused: EACCES-like words are the vendor\'s' } };
		const error = vendorApiError(node, { vendor, statusCode: 400, body });
		expect(error.message).toBe("Vault: CreateAccessReview refused: EACCES-like words are the vendor's");
		expect(vendorApiError(node, { vendor, message: 'connect ECONNREFUSED 127.0.0.1:1' }).message).not.toContain('127.0.0.1');
	});

	it('gives one result per part of a 207, failed parts with their own message', () => {
		const parts = multiStatusResults(vendor, [
			{ status: 202, body: {} },
			{ status: 400, body: { error: { code: 'TargetNotFound', message: 'Account not found' } } },
			{ status: 202, body: {} },
		]);
		expect(parts.map((p) => p.ok)).toEqual([true, false, true]);
		expect(parts[1]).toEqual(expect.objectContaining({ index: 1, status: 400, error: { message: 'Account not found', code: 'TargetNotFound' } }));
	});
});

describe('next links', () => {
	it('follows only links on the credential origin', () => {
		const base = 'https://acme.okta.com';
		expect(linkOnOrigin('https://acme.okta.com/api/v1/logs?after=1', base)).toBe('https://acme.okta.com/api/v1/logs?after=1');
		expect(linkOnOrigin('https://evil.example/api/v1/logs?after=1', base)).toBeUndefined();
		expect(linkOnOrigin('http://acme.okta.com/api/v1/logs', base)).toBeUndefined();
		expect(linkOnOrigin('/api/v1/logs', base)).toBeUndefined();
		expect(linkOnOrigin(undefined, base)).toBeUndefined();
	});
});

describe('webhook checks', () => {
	it('compares shared secrets and HMAC signatures of the exact bytes in constant time', () => {
		expect(secretMatches('s3cret-value', 's3cret-value')).toBe(true);
		expect(secretMatches('s3cret-valu', 's3cret-value')).toBe(false);
		expect(secretMatches(undefined, 's3cret-value')).toBe(false);
		expect(secretMatches('', '')).toBe(false);
		const body = Buffer.from('{"events":[1]}');
		const hex = createHmac('sha256', 'k').update(body).digest('hex');
		expect(hmacMatches(body, 'k', hex)).toBe(true);
		expect(hmacMatches(body, 'k', `sha256=${hex}`)).toBe(true);
		expect(hmacMatches(body, 'k', createHmac('sha256', 'k').update(body).digest('base64'), { encoding: 'base64' })).toBe(true);
		expect(hmacMatches(Buffer.from('{"events":[2]}'), 'k', hex)).toBe(false);
		expect(hmacMatches(body, '', hex)).toBe(false);
	});
});

describe('vendor client', () => {
	const auth = authenticationSelector([{ name: 'Token', value: 'token', credentialType: 'vaultApi' }]);
	const vendor: VendorProfile = { name: 'Vault', parseError: () => ({}), retryAfterMs: () => undefined };
	const client = vendorClient(vendor, auth, { name: 'url', label: 'Server URL', example: 'https://vault.example:8282' });
	const sent: IHttpRequestOptions[] = [];
	const context = (credentials: Record<string, unknown>) =>
		({
			getNode: () => node,
			getCredentials: async () => credentials,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					sent.push(options);
					return { statusCode: 200, headers: {}, body: {} };
				},
			},
		}) as unknown as ApiContext;
	beforeEach(() => (sent.length = 0));

	it("accepts an invalid certificate only when the credential's Ignore SSL Issues is on", async () => {
		await client.request(context({ url: 'https://vault.example:8282/', allowUnauthorizedCerts: true }), { method: 'GET', path: '/x' });
		await client.request(context({ url: 'https://vault.example:8282' }), { method: 'GET', path: '/x' });
		expect(sent.map((o) => [o.url, o.skipSslCertificateValidation])).toEqual([
			['https://vault.example:8282/x', true],
			['https://vault.example:8282/x', undefined],
		]);
	});

	it('refuses a base URL that is not one, before sending anything', async () => {
		await expect(client.request(context({ url: 'vault.example' }), { method: 'GET', path: '/x' })).rejects.toThrow(
			"The Vault credential's Server URL \"vault.example\" is not a URL",
		);
		expect(sent).toHaveLength(0);
	});
});
