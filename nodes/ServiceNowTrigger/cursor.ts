import type { IDataObject } from 'n8n-workflow';

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
	 * Records already stamped with the activation second when the trigger was activated: that second is read (so an
	 * update later in it is not lost), but these were there before activation and are not backfilled.
	 */
	activationSeen?: string[];
}

const MAX_REMEMBERED = 1000;

/** `YYYY-MM-DD HH:MM:SS` (UTC), ServiceNow's datetime format, one-second resolution. */
export function snTime(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

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

/** A field as a plain value whatever `sysparm_display_value` was used. */
export function plain(value: unknown): string {
	return value && typeof value === 'object' ? String((value as IDataObject).value ?? '') : String(value ?? '');
}
