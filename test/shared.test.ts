import { dryRunResult } from '../nodes/shared/dryRun';
import { collectPages, nextOffset, nextPageNumber, nextToken, parseLinkHeader } from '../nodes/shared/paging';
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
