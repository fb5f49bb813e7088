import type { IDataObject } from 'n8n-workflow';

/**
 * Where the trigger stands: every matching incident whose time field is before `since` was emitted (or predates
 * activation); of those stamped exactly `since`, the ones in `seen` were. `seen` holds `id:version` for updates, so
 * the next change of the same incident is a new event.
 */
export interface Cursor {
	since: string;
	seen: string[];
	config: string;
}

export interface TriggerState extends IDataObject {
	cursor?: Cursor;
}

/** The time an incident carries in the trigger's field, in epoch ms (NaN when missing). */
export const timeOf = (incident: IDataObject, field: string) => Date.parse(String(incident[field] ?? ''));

export const eventKey = (incident: IDataObject, field: string) =>
	field === 'created' ? String(incident.id) : `${String(incident.id)}:${String(incident.version)}`;

/** The cursor after emitting `emitted` (sorted by time): its newest time, and what was seen at exactly that time. */
export function advance(cursor: Cursor, emitted: IDataObject[], field: string): Cursor {
	if (emitted.length === 0) return cursor;
	const newest = Math.max(...emitted.map((i) => timeOf(i, field)));
	const since = new Date(newest).toISOString();
	const atNewest = emitted.filter((i) => timeOf(i, field) === newest).map((i) => eventKey(i, field));
	const previous = Date.parse(cursor.since) === newest ? cursor.seen : [];
	return { ...cursor, since, seen: [...new Set([...previous, ...atNewest])] };
}
