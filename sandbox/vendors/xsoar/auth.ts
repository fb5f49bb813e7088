import { createHash } from 'node:crypto';

import { headerValue, safeEqual, verifySignedHeaders } from '../../framework/auth';
import type { SandboxRequest, SandboxResponse } from '../../framework/types';
import { cortexUnauthorized, v6Forbidden } from './errors';
import type { XsoarState } from './state';

/** XSOAR 8 surfaces: the web-app path set and the public API. */
export const V8_WEB = '/xsoar';
export const V8_PUBLIC = '/xsoar/public/v1';

const NONCE = /^[A-Za-z0-9]{64}$/;
const MAX_SKEW_MS = 5 * 60_000;

export const advancedSignature = (key: string, nonce: string, timestamp: string) =>
	createHash('sha256').update(`${key}${nonce}${timestamp}`).digest('hex');

function keyById(state: XsoarState, keyId: string) {
	return [...state.keys.values()].find((key) => key.keyId === keyId);
}

/** XSOAR 8: `x-xdr-auth-id` names the key; a standard key sends itself, an advanced one a fresh signature. */
function authenticateV8(state: XsoarState, req: SandboxRequest): string | undefined {
	const keyId = headerValue(req, 'x-xdr-auth-id');
	const authorization = headerValue(req, 'authorization') ?? '';
	if (keyId === undefined) {
		// baton-xsoar style: the key alone, accepted on the web-app prefix only, and only for a standard key.
		if (req.path.startsWith(V8_PUBLIC)) return undefined;
		const key = state.keys.get(authorization);
		return key?.level === 'standard' ? key.userId : undefined;
	}
	const key = keyById(state, keyId);
	if (!key) return undefined;
	if (key.level === 'standard') return safeEqual(authorization, key.secret) ? key.userId : undefined;
	const verified = verifySignedHeaders(
		req,
		{
			keyIdHeader: 'x-xdr-auth-id',
			signatureHeader: 'authorization',
			signedHeaders: ['x-xdr-nonce', 'x-xdr-timestamp'],
			secretFor: (id) => keyById(state, id)?.secret,
			sign: (secret, [nonce, timestamp]) => advancedSignature(secret, nonce, timestamp),
			timestamp: { header: 'x-xdr-timestamp', maxSkewMs: MAX_SKEW_MS },
		},
		state.clock.now(),
	);
	if ('error' in verified) return undefined;
	const nonce = headerValue(req, 'x-xdr-nonce')!;
	if (!NONCE.test(nonce) || state.nonces.has(nonce)) return undefined;
	state.nonces.add(nonce);
	return key.userId;
}

/** XSOAR 6 at the root (the raw key in `Authorization`), XSOAR 8 under `/xsoar`; sets the key's user as principal. */
export function authenticateXsoar(state: XsoarState, req: SandboxRequest): SandboxResponse | undefined {
	const v8 = req.path === V8_WEB || req.path.startsWith(`${V8_WEB}/`);
	let user: string | undefined;
	if (v8) user = authenticateV8(state, req);
	else {
		const key = state.keys.get(headerValue(req, 'authorization') ?? '');
		user = key && key.keyId === undefined ? key.userId : undefined;
	}
	const account = state.users.find((u) => u.id === user);
	if (!account || account.disabled) return v8 ? cortexUnauthorized() : v6Forbidden();
	req.principal = account.id;
	return undefined;
}
