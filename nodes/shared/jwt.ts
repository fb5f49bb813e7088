import { createPrivateKey, randomUUID, sign } from 'crypto';
import type { KeyObject } from 'crypto';

/**
 * Compact JWS signing with Node's `crypto` only (no JOSE dependency), for the token exchanges vendors ask for:
 * `private_key_jwt` client assertions (Okta RS256, ConductorOne EdDSA) and proof tokens (DPoP, ES256).
 */
export type JwtAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** The digest `crypto.sign` takes for each algorithm (EdDSA hashes internally, so none). */
const DIGEST: Record<JwtAlgorithm, string | null> = { RS256: 'RSA-SHA256', ES256: 'sha256', EdDSA: null };

export function signJwt(header: { alg: JwtAlgorithm } & Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
	const input = `${b64url(JSON.stringify({ typ: 'JWT', ...header }))}.${b64url(JSON.stringify(claims))}`;
	// ES256 signatures are the raw r||s pair in JOSE, not DER.
	const signature = sign(DIGEST[header.alg], Buffer.from(input), header.alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key);
	return `${input}.${b64url(signature)}`;
}

/** A private key from PEM text (literal `\n` sequences, as pasted into a single-line field, are accepted) or a JWK. */
export function privateKeyFrom(material: string | Record<string, unknown>): KeyObject {
	if (typeof material !== 'string') return createPrivateKey({ key: material, format: 'jwk' });
	return createPrivateKey(material.replace(/\\n/g, '\n').trim());
}

export interface ClientAssertionInput {
	algorithm: JwtAlgorithm;
	clientId: string;
	/** The token endpoint (RFC 7523), or what the vendor asks for instead (ConductorOne: its host). */
	audience: string;
	key: KeyObject;
	keyId?: string;
	lifetimeSeconds?: number;
	/** Extra claims some vendors require, e.g. a nonce. */
	claims?: Record<string, unknown>;
}

/** RFC 7523 client assertion: `iss` = `sub` = client ID, `aud`, short-lived, with a unique `jti`. */
export function clientAssertion(input: ClientAssertionInput): string {
	const now = Math.floor(Date.now() / 1000);
	return signJwt(
		{ alg: input.algorithm, ...(input.keyId ? { kid: input.keyId } : {}) },
		{
			iss: input.clientId,
			sub: input.clientId,
			aud: input.audience,
			iat: now,
			exp: now + (input.lifetimeSeconds ?? 300),
			jti: randomUUID(),
			...(input.claims ?? {}),
		},
		input.key,
	);
}
