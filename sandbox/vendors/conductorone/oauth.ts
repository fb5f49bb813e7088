import { verify } from 'node:crypto';
import { z } from 'zod';

import { bearerToken } from '../../framework/auth';
import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { c1Error } from './errors';
import type { ConductorOneState } from './state';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** How far the assertion's window (nbf … exp) may reach; the SDKs use now ± 120 s. */
const MAX_WINDOW_SECONDS = 600;

const tokenForm = z.object({
	grant_type: z.string().optional(),
	client_id: z.string().optional(),
	client_assertion_type: z.string().optional(),
	client_assertion: z.string().optional(),
});

function oauthError(status: number, error: string, description: string): SandboxResponse {
	return { status, headers: { 'Cache-Control': 'no-store' }, body: { error, error_description: description } };
}

function decode(part: string): Record<string, unknown> | undefined {
	try {
		const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** The host the client called, without the port: what ConductorOne expects as the assertion's audience. */
function hostWithoutPort(req: SandboxRequest): string {
	return String(req.headers.host ?? '').replace(/:\d+$/, '');
}

/**
 * `POST /auth/v1/token`: RFC 7523 `private_key_jwt` with an EdDSA (Ed25519) assertion: header `alg: EdDSA` with a
 * fresh `nonce`; `iss` = `sub` = client_id; `aud` = the tenant host without port; `nbf` ≤ now < `exp`.
 */
function issueToken(state: ConductorOneState, req: SandboxRequest): SandboxResponse {
	if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
		return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
	}
	const parsed = tokenForm.safeParse(req.body);
	if (!parsed.success) return oauthError(400, 'invalid_request', 'The token request body is not a form.');
	const form = parsed.data;
	if (form.grant_type !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `The grant type ${form.grant_type ?? '(none)'} is not supported.`);
	if (form.client_assertion_type !== ASSERTION_TYPE || !form.client_assertion) {
		return oauthError(401, 'invalid_client', 'The client must authenticate with a client_assertion (jwt-bearer).');
	}
	const client = state.clients.get(form.client_id ?? '');
	if (!client) return oauthError(401, 'invalid_client', 'Unknown client_id.');
	const parts = form.client_assertion.split('.');
	const header = parts.length === 3 ? decode(parts[0]) : undefined;
	const claims = parts.length === 3 ? decode(parts[1]) : undefined;
	if (!header || !claims) return oauthError(401, 'invalid_client', 'The client_assertion is not a compact JWS.');
	if (header.alg !== 'EdDSA') return oauthError(401, 'invalid_client', 'The client_assertion must be signed with EdDSA.');
	if (!verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), client.publicKey, Buffer.from(parts[2], 'base64url'))) {
		return oauthError(401, 'invalid_client', 'The client_assertion signature does not verify with the client key.');
	}
	if (claims.iss !== form.client_id || claims.sub !== form.client_id) {
		return oauthError(401, 'invalid_client', 'The client_assertion iss and sub must be the client_id.');
	}
	const audience = hostWithoutPort(req);
	const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
	if (!aud.includes(audience)) return oauthError(401, 'invalid_client', `The client_assertion aud must be ${audience}.`);
	const now = state.clock.now() / 1000;
	const { exp, nbf } = claims;
	if (typeof exp !== 'number' || exp <= now) return oauthError(401, 'invalid_client', 'The client_assertion has expired.');
	if (typeof nbf === 'number' && nbf > now) return oauthError(401, 'invalid_client', 'The client_assertion is not valid yet.');
	if (exp - (typeof nbf === 'number' ? nbf : now) > MAX_WINDOW_SECONDS) {
		return oauthError(401, 'invalid_client', `The client_assertion may be valid for at most ${MAX_WINDOW_SECONDS} seconds.`);
	}
	const nonce = header.nonce;
	if (typeof nonce !== 'string' || nonce.length < 16) return oauthError(401, 'invalid_client', 'The client_assertion header must carry a random nonce.');
	if (state.usedNonces.has(nonce)) return oauthError(401, 'invalid_client', 'The client_assertion nonce was already used.');
	state.usedNonces.add(nonce);
	const accessToken = state.tokens.issue({ clientId: form.client_id!, principal: client.principal, scopes: [] }, state.tokenLifetimeSeconds);
	return {
		status: 200,
		headers: { 'Cache-Control': 'no-store' },
		body: { access_token: accessToken, token_type: 'Bearer', expires_in: state.tokenLifetimeSeconds },
	};
}

export const oauthRoutes: Route<ConductorOneState>[] = [
	{ method: 'POST', path: '/auth/v1/token', bucket: 'token', public: true, handle: issueToken },
	{
		method: 'GET',
		path: '/api/v1/auth/introspect',
		handle(state, req) {
			const token = state.tokens.live(bearerToken(req))!;
			return {
				status: 200,
				body: {
					userId: token.principal,
					principleId: token.clientId,
					roles: ['c1.api.iam.v1.roles.super_admin'],
					permissions: ['c1.api.app.v1.apps:read', 'c1.api.task.v1.tasks:create'],
					features: [],
				},
			};
		},
	},
];

/** Bearer tokens from `/auth/v1/token` only; anything else is UNAUTHENTICATED (HTTP 401). */
export function authenticate(state: ConductorOneState, req: SandboxRequest): SandboxResponse | undefined {
	const token = state.tokens.live(bearerToken(req));
	if (!token) return c1Error('UNAUTHENTICATED', 'invalid or expired access token');
	req.principal = token.principal;
	return undefined;
}
