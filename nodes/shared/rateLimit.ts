import type { Headers } from './types';

/** A response header by case-insensitive name; repeated headers are joined as HTTP allows (`a, b`). */
export function header(headers: Headers, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
	}
	return undefined;
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterHeaderMs(headers: Headers, now: number): number | undefined {
	const value = header(headers, 'retry-after');
	if (value === undefined || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Covers the rounding of a reset given in whole seconds, so the retry lands in the new window. */
const RESET_MARGIN_MS = 250;

/**
 * An epoch-seconds reset header (Okta's `X-Rate-Limit-Reset`), measured on the local clock while it agrees with the
 * server's `Date` header (to that header's one-second resolution). A local clock that is off is not trusted: the wait
 * is then measured against the server's time, so a skewed clock neither shortens nor stretches it.
 */
export function resetHeaderMs(headers: Headers, now: number, name = 'x-rate-limit-reset'): number | undefined {
	const reset = Number(header(headers, name));
	if (!Number.isFinite(reset) || reset <= 0) return undefined;
	const serverDate = Date.parse(header(headers, 'date') ?? '');
	const localAgrees = Number.isNaN(serverDate) || (now >= serverDate && now < serverDate + 1000);
	// `Date` is truncated to the second: the server's time is on average half a second past it.
	const serverNow = localAgrees ? now : serverDate + 500;
	return Math.max(0, reset * 1000 - serverNow) + RESET_MARGIN_MS;
}
