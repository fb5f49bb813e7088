import type { Rec } from './query';
import { READ_ONLY, TABLES, priorityOf } from './schema';
import { newSysId, nowMs, snTime } from './state';
import type { ServiceNowState } from './state';

export type DisplayMode = 'false' | 'true' | 'all';

export class RecordError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly detail: string | null,
	) {
		super(message);
	}
}

export function findRecord(state: ServiceNowState, table: string, sysId: string): Rec | undefined {
	return state.tables[table]?.find((r) => r.sys_id === sysId);
}

/** The display value of a referenced record (a user's name, a group's name, an incident's number). */
function referenceDisplay(state: ServiceNowState, table: string, sysId: string): string {
	const record = findRecord(state, table, sysId);
	return record ? (record[TABLES[table].displayField] ?? '') : '';
}

/** Dot-walking for queries: `assignment_group.name` reads the referenced group's name. */
export function resolveField(state: ServiceNowState, table: string) {
	return (record: Rec, field: string): string => {
		const [head, ...rest] = field.split('.');
		const value = record[head] ?? '';
		if (rest.length === 0) return value;
		const target = TABLES[table]?.references[head];
		const referenced = target ? findRecord(state, target, value) : undefined;
		return referenced?.[rest.join('.')] ?? '';
	};
}

/** A record as the Table API renders it: every value a string, references `{link, value}`, display values on request. */
export function renderRecord(
	state: ServiceNowState,
	table: string,
	record: Rec,
	options: { baseUrl: string; display: DisplayMode; fields?: string[]; excludeReferenceLink?: boolean },
): Record<string, unknown> {
	const schema = TABLES[table];
	const wanted = options.fields?.filter((f) => schema.columns.includes(f));
	const names = wanted && wanted.length > 0 ? wanted : schema.columns;
	const out: Record<string, unknown> = {};
	for (const name of names) {
		const value = record[name] ?? '';
		const target = schema.references[name];
		const label = schema.choices?.[name]?.[value];
		const display = target && value ? referenceDisplay(state, target, value) : (label ?? value);
		const link = target && value ? `${options.baseUrl}/api/now/table/${target}/${value}` : undefined;
		if (options.display === 'true') out[name] = display;
		else if (options.display === 'all') out[name] = { display_value: display, value, ...(link ? { link } : {}) };
		else if (link && !options.excludeReferenceLink) out[name] = { link, value };
		else out[name] = value;
	}
	return out;
}

function journal(state: ServiceNowState, table: string, sysId: string, element: string, value: string, user: string) {
	const now = snTime(nowMs(state));
	state.tables.sys_journal_field.push({
		sys_id: newSysId(),
		sys_created_on: now,
		sys_created_by: user,
		sys_updated_on: now,
		sys_updated_by: user,
		sys_mod_count: '0',
		element,
		element_id: sysId,
		name: table,
		value,
	});
}

function asText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return String((value as { value?: unknown }).value ?? '');
	return String(value);
}

/** Incident business rules: priority from impact × urgency, state bookkeeping, the resolution data policy. */
function incidentRules(state: ServiceNowState, record: Rec, user: string, now: string): void {
	record.impact ||= '3';
	record.urgency ||= '3';
	record.priority = priorityOf(record.impact, record.urgency);
	record.state ||= '1';
	record.incident_state = record.state;
	record.active = record.state === '7' || record.state === '8' ? 'false' : 'true';
	if ((record.state === '6' || record.state === '7') && (!record.close_code || !record.close_notes)) {
		throw new RecordError(
			403,
			'Operation Failed',
			'Data Policy Exception: \n The following fields are mandatory: Resolution code, Resolution notes',
		);
	}
	if (record.state === '6' || record.state === '7') {
		record.resolved_at ||= now;
		record.resolved_by ||= userSysId(state, user);
	} else {
		record.resolved_at = '';
		record.resolved_by = '';
	}
	record.closed_at = record.state === '7' ? record.closed_at || now : '';
}

function userSysId(state: ServiceNowState, userName: string): string {
	return state.tables.sys_user.find((u) => u.user_name === userName)?.sys_id ?? '';
}

/** Insert (`existing` undefined) or update a record from a request body, applying the table's rules. */
export function writeRecord(
	state: ServiceNowState,
	table: string,
	body: Record<string, unknown>,
	user: string,
	existing?: Rec,
): Rec {
	const schema = TABLES[table];
	const now = snTime(nowMs(state));
	const draft: Rec = existing ? { ...existing } : Object.fromEntries(schema.columns.map((c) => [c, '']));
	const journalEntries: Array<[string, string]> = [];
	for (const [key, raw] of Object.entries(body ?? {})) {
		// Unknown fields are ignored; computed fields too (incident's rules only apply to incidents).
		if (!schema.columns.includes(key) || (READ_ONLY.has(key) && (table === 'incident' || key.startsWith('sys_')))) continue;
		if (key === 'sys_id' && existing) continue;
		const value = asText(raw);
		if (table === 'incident' && (key === 'work_notes' || key === 'comments')) {
			if (value.trim() !== '') journalEntries.push([key, value]);
			continue;
		}
		draft[key] = value;
	}
	if (!existing) {
		if (draft.sys_id && findRecord(state, table, draft.sys_id)) {
			throw new RecordError(
				403,
				'Operation Failed',
				`Error during insert of ${table} (${draft.sys_id}): Unique Key violation detected by database`,
			);
		}
		draft.sys_id ||= newSysId();
		draft.sys_created_on = now;
		draft.sys_created_by = user;
		draft.sys_mod_count = '0';
		if (table === 'incident') {
			draft.number = `INC${String(state.nextIncidentNumber++).padStart(7, '0')}`;
			draft.opened_at = now;
			draft.opened_by = userSysId(state, user);
			draft.sys_class_name = 'incident';
			draft.contact_type ||= 'self-service';
		}
	} else {
		draft.sys_mod_count = String(Number(existing.sys_mod_count || '0') + 1);
	}
	draft.sys_updated_on = now;
	draft.sys_updated_by = user;
	if (table === 'incident') incidentRules(state, draft, user, now);
	if (existing) Object.assign(existing, draft);
	else state.tables[table].push(draft);
	const saved = existing ?? draft;
	for (const [element, value] of journalEntries) journal(state, table, saved.sys_id, element, value, user);
	return saved;
}

export function deleteRecord(state: ServiceNowState, table: string, sysId: string): boolean {
	const rows = state.tables[table];
	const index = rows.findIndex((r) => r.sys_id === sysId);
	if (index < 0) return false;
	rows.splice(index, 1);
	return true;
}
