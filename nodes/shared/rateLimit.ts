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

/**
 * An epoch-seconds reset header (Okta's `X-Rate-Limit-Reset`). Measured against the server's `Date` header when
 * present, so a skewed local clock does not make us wait too little or too long; one second is added as Okta advises.
 */
export function resetHeaderMs(headers: Headers, now: number, name = 'x-rate-limit-reset'): number | undefined {
	const reset = Number(header(headers, name));
	if (!Number.isFinite(reset) || reset <= 0) return undefined;
	const serverDate = Date.parse(header(headers, 'date') ?? '');
	const serverNow = Number.isNaN(serverDate) ? now : serverDate;
	return Math.max(0, reset * 1000 - serverNow) + 1000;
}
