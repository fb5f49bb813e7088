import { createHash } from 'crypto';

/**
 * A short, stable digest of what a trigger's cursor was built for (filter, query, page size…). Stored next to the
 * cursor, it tells a later poll that the configuration changed, without keeping the configuration in static data.
 */
export function configFingerprint(parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12);
}
