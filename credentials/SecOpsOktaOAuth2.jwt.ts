import { createHash, createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'crypto';
import type { JsonWebKey } from 'crypto';

/**
 * JWTs for Okta service apps, signed with Node's `crypto` (no JOSE dependency): the `private_key_jwt` client
 * assertion (RS256) and DPoP proofs (RFC 9449, ES256 with a key generated per access token).
 */
const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function signJwt(header: object, claims: object, key: Parameters<typeof sign>[2], algorithm: string | null): string {
	const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
	return `${input}.${b64url(sign(algorithm, Buffer.from(input), key))}`;
}

/** Client assertion: `iss` = `sub` = client ID, `aud` = the token URL, valid 5 minutes (Okta allows up to 1 hour). */
export function clientAssertion(clientId: string, tokenUrl: string, privateKeyPem: string, keyId?: string): string {
	const now = Math.floor(Date.now() / 1000);
	const key = createPrivateKey(privateKeyPem.replace(/\\n/g, '\n').trim());
	return signJwt(
		{ alg: 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) },
		{ iss: clientId, sub: clientId, aud: tokenUrl, iat: now, exp: now + 300, jti: randomUUID() },
		key,
		'RSA-SHA256',
	);
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
	const key = createPrivateKey({ key: jwk, format: 'jwk' });
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
	return signJwt({ typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk }, claims, { key, dsaEncoding: 'ieee-p1363' }, 'sha256');
}
