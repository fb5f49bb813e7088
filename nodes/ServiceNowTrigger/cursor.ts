/** Where the trigger has read up to: the last emitted record's timestamp and sys_id (ties within a second). */
export interface Cursor {
	ts: string;
	id: string;
}

export interface TriggerState {
	cursor?: Cursor;
	/** Last state seen per sys_id, so an update can say what the state was before; bounded. */
	lastState?: Record<string, string>;
	/**
	 * sys_ids at `cursor.ts` already accounted for: at activation the records already stamped with that second (there
	 * before activation, not backfilled), later the ones read in it. Used when the whole second is read again
	 * (`cursor.id` empty: after activation or a configuration change), so nothing in it is lost or repeated.
	 */
	seen?: string[];
	/** Digest of the configuration (event field, filters, encoded query) the cursor was built for. */
	config?: string;
}

const MAX_REMEMBERED = 1000;
export const MAX_SEEN = 1000;

/** `(ts, sys_id)` order, as the query sorts: is the record after the cursor? */
export function isAfter(ts: string, id: string, cursor: Cursor): boolean {
	return ts > cursor.ts || (ts === cursor.ts && id > cursor.id);
}

/** Remembers `state` for `sysId`, dropping the oldest entries beyond the bound. */
export function remember(map: Record<string, string>, sysId: string, state: string): void {
	delete map[sysId];
	map[sysId] = state;
	const keys = Object.keys(map);
	for (let i = 0; i < keys.length - MAX_REMEMBERED; i++) delete map[keys[i]];
}

