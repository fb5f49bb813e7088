import { createHash, timingSafeEqual } from 'crypto';

/**
 * Constant-time comparison of the shared secret Okta sends in its header. Both sides are hashed first so the
 * comparison takes the same time whatever the lengths (timingSafeEqual needs equal-length buffers).
 */
export function secretMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || expected === '') return false;
	const a = createHash('sha256').update(received).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** Okta's challenge is an opaque token; anything else is not Okta and gets no echo. */
export function validChallenge(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_\-.~+/=]{1,256}$/.test(value);
}
