import { createHash, generateKeyPairSync, randomUUID } from 'crypto';
import type { JsonWebKey } from 'crypto';

import { clientAssertion as signedAssertion, privateKeyFrom, signJwt } from '../nodes/shared/jwt';

/** JWTs for Okta service apps: the `private_key_jwt` client assertion (RS256) and DPoP proofs (RFC 9449, ES256). */
const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Client assertion: `iss` = `sub` = client ID, `aud` = the token URL, valid 5 minutes (Okta allows up to 1 hour). */
export function clientAssertion(clientId: string, tokenUrl: string, privateKeyPem: string, keyId?: string): string {
	return signedAssertion({ algorithm: 'RS256', clientId, audience: tokenUrl, key: privateKeyFrom(privateKeyPem), keyId });
}
/** A fresh P-256 key for DPoP, kept (as a private JWK) next to the access token it is bound to. */
export function newDpopKey(): string {
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	return JSON.stringify(privateKey.export({ format: 'jwk' }));
}

export interface ProofInput {
	method: string;
	url: string;
	accessToken?: string;
	nonce?: string;
}

/** A DPoP proof for one request: `htm`, `htu` (no query or fragment), `iat`, `jti`, plus `ath` for resource calls. */
export function dpopProof(privateJwk: string, input: ProofInput): string {
	const jwk = JSON.parse(privateJwk) as JsonWebKey;
	const key = privateKeyFrom(jwk as Record<string, unknown>);
	const url = new URL(input.url);
	const claims = {
		htm: input.method.toUpperCase(),
		htu: `${url.origin}${url.pathname}`,
		iat: Math.floor(Date.now() / 1000),
		jti: randomUUID(),
		...(input.nonce ? { nonce: input.nonce } : {}),
		...(input.accessToken ? { ath: b64url(createHash('sha256').update(input.accessToken).digest()) } : {}),
	};
	const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
	return signJwt({ typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk }, claims, key);
}
