import { randomBytes } from 'crypto';

import { privateKeyFrom, signJwt } from '../../shared/jwt';

/**
 * ConductorOne client credentials: the tenant's URL (derived from the client ID unless overridden) and the EdDSA
 * client assertion the token endpoint asks for, signed with the Ed25519 key inside the client secret.
 */
const SECRET_PREFIX = 'secret-token:conductorone.com:v1:';

/** `strange-hydra-68836@acme.conductor.one/pcc` → `https://acme.conductor.one`; the override wins when set. */
export function tenantUrl(clientId: unknown, override: unknown): string {
	const explicit = typeof override === 'string' ? override.trim().replace(/\/+$/, '') : '';
	if (explicit) return explicit;
	const host = /^[^@\s]+@([^/\s]+)\/\S+$/.exec(typeof clientId === 'string' ? clientId.trim() : '')?.[1];
	if (!host) {
		throw new Error('The ConductorOne client ID is not of the form <name>@<tenant>.conductor.one/<use>. Copy it from Admin → API keys, or set Tenant URL.');
	}
	return `https://${host}`;
}

/**
 * The Ed25519 private JWK inside `secret-token:conductorone.com:v1:<base64url JWK>`. Any other shape is refused with a
 * message that says what was expected and never repeats the secret.
 */
export function secretKey(secret: unknown): Record<string, unknown> {
	const text = typeof secret === 'string' ? secret.trim() : '';
	const fix = 'Paste the client secret exactly as ConductorOne showed it (it starts with secret-token:conductorone.com:v1:), or create a new one.';
	if (!text.startsWith(SECRET_PREFIX)) throw new Error(`The ConductorOne client secret has the wrong format. ${fix}`);
	const key = parseJson(Buffer.from(text.slice(SECRET_PREFIX.length), 'base64').toString('utf8'));
	if (key === undefined) throw new Error(`The ConductorOne client secret does not contain a key. ${fix}`);
	if (!key || typeof key !== 'object' || key.kty !== 'OKP' || key.crv !== 'Ed25519' || typeof key.d !== 'string' || typeof key.x !== 'string') {
		throw new Error(`The ConductorOne client secret does not contain an Ed25519 private key. ${fix}`);
	}
	return { kty: key.kty, crv: key.crv, x: key.x, d: key.d };
}

function parseJson(text: string): Record<string, unknown> | null | undefined {
	try {
		return JSON.parse(text) as Record<string, unknown> | null;
	} catch {
		return undefined;
	}
}

/**
 * The client assertion ConductorOne's SDKs send: `alg: EdDSA` with a random `nonce` in the protected header;
 * `iss` = `sub` = client ID, `aud` = the tenant host without port, valid from two minutes ago for four minutes.
 */
export function clientAssertion(clientId: string, tenant: string, secret: unknown): string {
	const key = privateKeyFrom(secretKey(secret));
	const now = Math.floor(Date.now() / 1000);
	return signJwt(
		{ alg: 'EdDSA', nonce: randomBytes(16).toString('hex') },
		{ iss: clientId, sub: clientId, aud: [new URL(tenant).hostname], iat: now, nbf: now - 120, exp: now + 120 },
		key,
	);
}
