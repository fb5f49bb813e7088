import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { z } from 'zod';

import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { oktaError } from './errors';
import type { OktaState } from './state';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const tokenBody = z.object({
	grant_type: z.string(),
	scope: z.string().optional(),
	client_assertion_type: z.string().optional(),
	client_assertion: z.string().optional(),
});

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): SandboxResponse {
	return { status, headers, body: { error, error_description: description } };
}

interface Jwt {
	header: Record<string, unknown>;
	claims: Record<string, unknown>;
	signingInput: string;
	signature: Buffer;
}

function decodeJwt(token: string): Jwt | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		return {
			header: JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Record<string, unknown>,
			claims: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>,
			signingInput: `${parts[0]}.${parts[1]}`,
			signature: Buffer.from(parts[2], 'base64url'),
		};
	} catch {
		return undefined;
	}
}

function signatureValid(jwt: Jwt, key: KeyObject): boolean {
	const alg = jwt.header.alg;
	if (alg === 'RS256') return verify('RSA-SHA256', Buffer.from(jwt.signingInput), key, jwt.signature);
	if (alg === 'ES256') return verify('SHA256', Buffer.from(jwt.signingInput), { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
	return false;
}

/** RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order. */
export function jwkThumbprint(jwk: JsonWebKey): string {
	const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
	return b64url(createHash('sha256').update(JSON.stringify(members)).digest());
}

interface ProofCheck {
	method: string;
	url: string;
	accessToken?: string;
	nonce?: string;
}

/** Verifies a DPoP proof (RFC 9449); returns the key thumbprint, or why the proof is refused. */
export function checkDpopProof(state: OktaState, proof: string | undefined, check: ProofCheck): { jkt: string } | { error: string; nonceMissing?: boolean } {
	const now = state.clock.now() / 1000;
	if (!proof) return { error: 'The DPoP proof JWT header is missing.' };
	const jwt = decodeJwt(proof);
	if (!jwt || jwt.header.typ !== 'dpop+jwt') return { error: 'The DPoP proof is not a dpop+jwt.' };
	const jwk = jwt.header.jwk as JsonWebKey | undefined;
	if (!jwk || typeof jwk !== 'object' || 'd' in jwk) return { error: "The DPoP proof must carry the client's public jwk." };
	let key: KeyObject;
	try {
		key = createPublicKey({ key: jwk, format: 'jwk' });
	} catch {
		return { error: 'The DPoP proof jwk is not a valid public key.' };
	}
	if (!signatureValid(jwt, key)) return { error: 'The DPoP proof signature is invalid.' };
	const { htm, htu, iat, jti, ath, nonce } = jwt.claims;
	if (htm !== check.method) return { error: `The DPoP proof htm must be ${check.method}.` };
	if (htu !== check.url) return { error: `The DPoP proof htu must be ${check.url}.` };
	if (typeof iat !== 'number' || Math.abs(now - iat) > 60) return { error: 'The DPoP proof iat is not recent.' };
	if (typeof jti !== 'string' || state.oauth.usedJtis.has(`dpop:${jti}`)) return { error: 'The DPoP proof jti is missing or was already used.' };
	if (check.accessToken !== undefined && ath !== b64url(createHash('sha256').update(check.accessToken).digest())) {
		return { error: 'The DPoP proof ath does not match the access token.' };
	}
	if (check.nonce !== undefined && nonce !== check.nonce) return { error: 'Authorization server requires nonce in DPoP proof.', nonceMissing: true };
	state.oauth.usedJtis.add(`dpop:${jti}`);
	return { jkt: jwkThumbprint(jwk) };
}

function tokenUrl(req: SandboxRequest): string {
	return `${req.baseUrl}/oauth2/v1/token`;
}

export const oauthRoutes: Route<OktaState>[] = [
	{
		method: 'POST',
		path: '/oauth2/v1/token',
		bucket: '/oauth2/v1/token',
		public: true,
		handle(state, req) {
			const parsed = tokenBody.safeParse(req.body);
			if (!parsed.success) return oauthError(400, 'invalid_request', 'The request body must be form-encoded with grant_type.');
			const body = parsed.data;
			if (body.grant_type !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `The grant type ${body.grant_type} is not supported by this client.`);
			if (body.client_assertion_type !== ASSERTION_TYPE || !body.client_assertion) {
				return oauthError(401, 'invalid_client', 'Service apps must authenticate with private_key_jwt (client_assertion).');
			}
			const assertion = decodeJwt(body.client_assertion);
			const app = state.oauth.apps.find((a) => a.clientId === assertion?.claims.iss);
			if (!assertion || !app) return oauthError(401, 'invalid_client', 'The client_assertion is malformed or names an unknown client.');
			const { iss, sub, aud, exp, jti } = assertion.claims;
			const now = state.clock.now() / 1000;
			if (!signatureValid(assertion, app.publicKey)) return oauthError(401, 'invalid_client', 'The client_assertion signature is invalid.');
			if (iss !== sub) return oauthError(401, 'invalid_client', 'The client_assertion iss and sub must both be the client_id.');
			if (aud !== tokenUrl(req)) return oauthError(401, 'invalid_client', `The client_assertion aud must be ${tokenUrl(req)}.`);
			if (typeof exp !== 'number' || exp <= now || exp - now > 3600) return oauthError(401, 'invalid_client', 'The client_assertion exp must be in the future and at most one hour ahead.');
			if (typeof jti === 'string') {
				if (state.oauth.usedJtis.has(`assertion:${jti}`)) return oauthError(401, 'invalid_client', 'The client_assertion jti was already used.');
				state.oauth.usedJtis.add(`assertion:${jti}`);
			}
			const scopes = (body.scope ?? '').split(/\s+/).filter(Boolean);
			if (scopes.length === 0) return oauthError(400, 'invalid_scope', 'The authorization server requires at least one scope.');
			const refused = scopes.filter((s) => !app.grantedScopes.includes(s));
			if (refused.length) return oauthError(400, 'invalid_scope', `The following scopes are not granted to this client: ${refused.join(' ')}`);

			let jkt: string | undefined;
			const proofHeader = req.headers.dpop as string | undefined;
			if (app.requireDpop || proofHeader) {
				const proof = checkDpopProof(state, proofHeader, { method: 'POST', url: tokenUrl(req), nonce: state.oauth.dpopNonce });
				if ('error' in proof) {
					if (proof.nonceMissing) {
						return oauthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', { 'dpop-nonce': state.oauth.dpopNonce });
					}
					return oauthError(400, 'invalid_dpop_proof', proof.error);
				}
				jkt = proof.jkt;
			}
			state.oauth.tokenCounter++;
			const accessToken = state.oauth.tokens.issue({ clientId: app.clientId, scopes, jkt }, 3600, `eyJsbx.${b64url(randomBytes(24))}.${state.oauth.tokenCounter}`);
			return {
				status: 200,
				headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
				body: { token_type: jkt ? 'DPoP' : 'Bearer', expires_in: 3600, access_token: accessToken, scope: scopes.join(' ') },
			};
		},
	},
];

/** The Okta scope an API call needs (the spec lists exactly one per operation). */
export function requiredScope(method: string, path: string): string | undefined {
	const write = method !== 'GET';
	if (path.startsWith('/api/v1/logs')) return 'okta.logs.read';
	if (path.startsWith('/api/v1/eventHooks')) return write ? 'okta.eventHooks.manage' : 'okta.eventHooks.read';
	if (path.startsWith('/api/v1/groups')) return write ? 'okta.groups.manage' : 'okta.groups.read';
	if (path.startsWith('/api/v1/users')) return write ? 'okta.users.manage' : 'okta.users.read';
	return undefined;
}

/** `Authorization: Bearer|DPoP <token>`: the token must be live, carry the scope, and (DPoP) come with a proof bound to it. */
export function authenticateOAuth(state: OktaState, req: SandboxRequest, scheme: string, token: string): SandboxResponse | undefined {
	const issued = state.oauth.tokens.live(token);
	if (!issued) return oktaError(401, 'E0000011', 'Invalid token provided');
	if (issued.jkt && scheme !== 'DPoP') return oktaError(400, 'E0000001', 'Api validation failed: DPoP', ['A DPoP-bound token must be sent with the DPoP scheme and a proof.']);
	if (issued.jkt) {
		const proof = checkDpopProof(state, req.headers.dpop as string | undefined, { method: req.method, url: `${req.baseUrl}${req.path}`, accessToken: token });
		if ('error' in proof) return { status: 400, body: { error: 'invalid_dpop_proof', error_description: proof.error } };
		if (proof.jkt !== issued.jkt) return { status: 400, body: { error: 'invalid_dpop_proof', error_description: 'The DPoP proof key does not match the token binding.' } };
	}
	const scope = requiredScope(req.method, req.path);
	const granted = issued.scopes.includes(scope ?? '') || (scope?.endsWith('.read') && issued.scopes.includes(scope.replace(/\.read$/, '.manage')));
	if (scope && !granted) return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', [`The access token lacks the ${scope} scope.`]);
	// A service app acts as itself: there is no user behind the token.
	req.principal = issued.clientId;
	return undefined;
}
