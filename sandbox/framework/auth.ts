import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { Clock } from './clock';
import type { SandboxRequest, SandboxResponse } from './types';

/** Compares secrets in constant time, so the sandbox does not model a timing oracle real vendors avoid. */
export function safeEqual(actual: string, expected: string): boolean {
	const a = Buffer.from(actual);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A header's value (the first when repeated), or undefined when absent or blank. */
export function headerValue(req: SandboxRequest, name: string): string | undefined {
	const raw = req.headers[name.toLowerCase()];
	const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
	return value ? value : undefined;
}

/** The credential after `<scheme> ` in `Authorization` (scheme matched case-insensitively, e.g. SSWS, Bearer, DPoP). */
export function authorizationCredential(req: SandboxRequest, scheme: string): string | undefined {
	const header = headerValue(req, 'authorization');
	const space = header?.indexOf(' ') ?? -1;
	if (!header || space < 0 || header.slice(0, space).toLowerCase() !== scheme.toLowerCase()) return undefined;
	return header.slice(space + 1).trim() || undefined;
}

export const bearerToken = (req: SandboxRequest) => authorizationCredential(req, 'Bearer');

/** `Authorization: Basic base64(user:password)`; the password may contain colons, the user may not. */
export function basicCredentials(req: SandboxRequest): { username: string; password: string } | undefined {
	const encoded = authorizationCredential(req, 'Basic');
	if (!encoded) return undefined;
	const decoded = Buffer.from(encoded, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon > 0 ? { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : undefined;
}

/** An API key in a header of its own (e.g. PAM360's `AUTHTOKEN`), looked up in the vendor's key table. */
export function headerKey<T>(req: SandboxRequest, header: string, keys: ReadonlyMap<string, T>): T | undefined {
	const key = headerValue(req, header);
	return key === undefined ? undefined : keys.get(key);
}

export interface IssuedToken {
	/** Epoch ms on the vendor clock; 0 expires the token at once. */
	expiresAt: number;
}

/** Access tokens a vendor issued, each expiring by the vendor clock. A Map, so tests can count and clear them. */
export class TokenStore<T extends IssuedToken> extends Map<string, T> {
	constructor(private readonly clock: Clock) {
		super();
	}

	/** Stores `data` under a new token (or `token`, for vendors with their own token shape) for `lifetimeSeconds`. */
	issue(data: Omit<T, 'expiresAt'>, lifetimeSeconds: number, token = `sbx-${randomBytes(24).toString('base64url')}`): string {
		this.set(token, { ...data, expiresAt: this.clock.now() + lifetimeSeconds * 1000 } as T);
		return token;
	}

	/** The token's data while it is live; undefined when unknown or expired. */
	live(token: string | undefined): T | undefined {
		const issued = token === undefined ? undefined : this.get(token);
		return issued && issued.expiresAt > this.clock.now() ? issued : undefined;
	}

	/** Every issued token stops working, as when their lifetime is up; returns how many there were. */
	expireAll(): number {
		for (const issued of this.values()) issued.expiresAt = 0;
		return this.size;
	}
}

export interface OAuthClient {
	secret: string;
	/** Who tokens issued to this client act as. */
	principal: string;
	scopes?: string[];
}

export interface ClientToken extends IssuedToken {
	clientId: string;
	principal: string;
	scopes: string[];
}

function oauthError(status: number, error: string, description: string): SandboxResponse {
	return { status, headers: { 'Cache-Control': 'no-store' }, body: { error, error_description: description } };
}

/**
 * RFC 6749 §4.4 client-credentials grant on a form body: the client authenticates by Basic header or by
 * `client_id`/`client_secret` in the form; requested scopes must be granted to it. Answers the RFC's token or error body.
 */
export function clientCredentialsGrant(
	req: SandboxRequest,
	clients: ReadonlyMap<string, OAuthClient>,
	store: TokenStore<ClientToken>,
	lifetimeSeconds: number,
): SandboxResponse {
	if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
		return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
	}
	const form = (req.body ?? {}) as Record<string, string | undefined>;
	const basic = basicCredentials(req);
	const clientId = basic?.username ?? form.client_id ?? '';
	const secret = basic?.password ?? form.client_secret ?? '';
	const client = clients.get(clientId);
	if (!client || !safeEqual(secret, client.secret)) return oauthError(401, 'invalid_client', 'Client authentication failed.');
	if (form.grant_type !== 'client_credentials') {
		return oauthError(400, 'unsupported_grant_type', `The grant type ${form.grant_type ?? '(none)'} is not supported.`);
	}
	const requested = (form.scope ?? '').split(/\s+/).filter(Boolean);
	const granted = client.scopes ?? [];
	const refused = client.scopes ? requested.filter((s) => !granted.includes(s)) : [];
	if (refused.length) return oauthError(400, 'invalid_scope', `Scopes not granted to this client: ${refused.join(' ')}`);
	const scopes = requested.length ? requested : granted;
	const accessToken = store.issue({ clientId, principal: client.principal, scopes }, lifetimeSeconds);
	return {
		status: 200,
		headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
		body: { access_token: accessToken, token_type: 'Bearer', expires_in: lifetimeSeconds, ...(scopes.length ? { scope: scopes.join(' ') } : {}) },
	};
}

/**
 * A signed-headers scheme (e.g. Cortex XSOAR's advanced key: key ID, nonce and timestamp headers, and a hash of
 * key + nonce + timestamp): the vendor says which headers are signed and how; the helper checks presence, freshness
 * and the signature.
 */
export interface SignedHeadersScheme {
	keyIdHeader: string;
	signatureHeader: string;
	/** Headers the signature covers, in the order `sign` receives them; each must be present. */
	signedHeaders: string[];
	secretFor(keyId: string): string | undefined;
	/** The signature a client holding `secret` sends for these header values. */
	sign(secret: string, values: string[], req: SandboxRequest): string;
	/** A signed header holding epoch ms, which must be within `maxSkewMs` of the vendor clock. */
	timestamp?: { header: string; maxSkewMs: number };
}

export function verifySignedHeaders(req: SandboxRequest, scheme: SignedHeadersScheme, now: number): { keyId: string } | { error: string } {
	const keyId = headerValue(req, scheme.keyIdHeader);
	const signature = headerValue(req, scheme.signatureHeader);
	const values = scheme.signedHeaders.map((name) => headerValue(req, name));
	const missing = [scheme.keyIdHeader, scheme.signatureHeader, ...scheme.signedHeaders].filter((_, i) => [keyId, signature, ...values][i] === undefined);
	if (missing.length) return { error: `Missing header(s): ${missing.join(', ')}` };
	const secret = scheme.secretFor(keyId!);
	if (secret === undefined) return { error: 'Unknown key ID' };
	if (scheme.timestamp) {
		const at = Number(headerValue(req, scheme.timestamp.header));
		if (!Number.isFinite(at) || Math.abs(now - at) > scheme.timestamp.maxSkewMs) return { error: 'The timestamp is missing or not recent' };
	}
	if (!safeEqual(signature!, scheme.sign(secret, values as string[], req))) return { error: 'The signature does not match' };
	return { keyId: keyId! };
}
