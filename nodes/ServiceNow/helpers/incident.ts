import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Confirmation } from '../../shared/types';
import { pathSegment, printable, requireText } from '../../shared/validation';
import { serviceNowApiRequest, resultOf } from '../transport';
import { INCIDENT_STATES, LEVELS, PRIORITIES, impactCode, stateCode, urgencyCode } from './codes';
import { queryValue } from './query';
import { snTime } from './time';

const SYS_ID = /^[0-9a-f]{32}$/;
const NUMBER = /^[A-Z]{2,8}[0-9]{4,12}$/;

/** How a reference locator's by-name mode is looked up: the table and the columns that may hold the name. */
const NAMED_REFERENCES: Record<string, { table: string; columns: string[]; what: string }> = {
	user: { table: 'sys_user', columns: ['user_name', 'email'], what: 'user with that user name or email' },
	name: { table: 'sys_user_group', columns: ['name'], what: 'group with that name' },
};

/**
 * Reads an optional reference resource locator (caller, group, assignee) as a sys_id, or undefined when empty. A
 * user name, email or group name is looked up, and must name exactly one active record.
 */
export async function referenceValue(this: IExecuteFunctions, name: string, label: string, itemIndex: number): Promise<string | undefined> {
	const locator = this.getNodeParameter(name, itemIndex, { mode: 'list', value: '' }) as { mode?: string; value?: unknown };
	const value = String(locator?.value ?? '').trim();
	if (value === '') return undefined;
	const named = NAMED_REFERENCES[locator.mode ?? ''];
	if (named) return await lookUpReference.call(this, named, value, label, itemIndex);
	if (!SYS_ID.test(value)) {
		throw new NodeOperationError(this.getNode(), `${label} "${printable(value)}" is not a sys_id`, {
			itemIndex,
			description: `${label} takes a 32-character sys_id, e.g. 46d44a23a9fe19810012d100cca80666. Pick it from the list, or use the by-name mode.`,
		});
	}
	return value;
}

async function lookUpReference(
	this: IExecuteFunctions,
	named: { table: string; columns: string[]; what: string },
	value: string,
	label: string,
	itemIndex: number,
): Promise<string> {
	const text = queryValue(this.getNode(), value, label, itemIndex, 100);
	const response = await serviceNowApiRequest.call(this, {
		method: 'GET',
		path: `/api/now/table/${named.table}`,
		qs: {
			sysparm_query: `active=true^${named.columns.map((column) => `${column}=${text}`).join('^OR')}`,
			sysparm_fields: 'sys_id',
			sysparm_limit: 2,
		},
		itemIndex,
	});
	const found = resultOf<IDataObject[]>(response);
	if (found.length !== 1) {
		throw new NodeOperationError(this.getNode(), `${label} "${printable(value)}" ${found.length ? 'names more than one record' : 'was not found'}`, {
			itemIndex,
			description: found.length
				? `More than one active ${named.what} exists: give the sys_id instead.`
				: `No active ${named.what} exists in ServiceNow, or an ACL hides it. Check the value, or pick from the list.`,
		});
	}
	return String(found[0].sys_id);
}

/** Checks a sys_id from a parameter or alert data and returns it as a path segment. */
export function sysIdSegment(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const segment = pathSegment(this.getNode(), value, label, itemIndex, '46d44a23a9fe19810012d100cca80666');
	if (!SYS_ID.test(decodeURIComponent(segment))) {
		throw new NodeOperationError(this.getNode(), `${label} "${printable(String(value))}" is not a sys_id`, {
			itemIndex,
			description: 'A sys_id has 32 lowercase hexadecimal characters, e.g. 46d44a23a9fe19810012d100cca80666.',
		});
	}
	return segment;
}

/** Adds which record was missing to a 404, keeping ServiceNow's own message and detail. */
export function namingMissingRecord(error: unknown, what: string): unknown {
	if (error instanceof NodeApiError && error.httpCode === '404') {
		error.message = `${error.message}: ${what}`;
	}
	return error;
}

/** The incident's sys_id from the Incident locator; a number is looked up first. */
export async function incidentSysId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const locator = this.getNodeParameter('incident', itemIndex) as { mode: string; value: unknown };
	const value = String(locator?.value ?? '').trim();
	if (locator.mode !== 'number') return sysIdSegment.call(this, value, 'Incident', itemIndex);
	requireText(this.getNode(), value, 'Incident number', itemIndex, 'Enter an incident number, e.g. INC0010001.');
	if (!NUMBER.test(value)) {
		throw new NodeOperationError(this.getNode(), `Incident number "${printable(value)}" is not an incident number`, {
			itemIndex,
			description: 'An incident number looks like INC0010001.',
		});
	}
	const response = await serviceNowApiRequest.call(this, {
		method: 'GET',
		path: '/api/now/table/incident',
		qs: { sysparm_query: `number=${queryValue(this.getNode(), value, 'Incident number', itemIndex)}`, sysparm_fields: 'sys_id', sysparm_limit: 1 },
		itemIndex,
	});
	const [found] = resultOf<IDataObject[]>(response);
	if (!found) {
		throw new NodeOperationError(this.getNode(), `Incident ${value} was not found`, {
			itemIndex,
			description: 'Check the Incident number: no incident has it, or an ACL hides it from this user.',
		});
	}
	return String(found.sys_id);
}

/** The request body for Create/Update from the reference locators and the fields collection; codes validated, names looked up. */
export async function incidentBody(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): Promise<IDataObject> {
	const node = this.getNode();
	const body: IDataObject = {};
	const text: Record<string, string> = {
		shortDescription: 'short_description',
		description: 'description',
		category: 'category',
		subcategory: 'subcategory',
		contactType: 'contact_type',
		correlationId: 'correlation_id',
		correlationDisplay: 'correlation_display',
		closeCode: 'close_code',
		closeNotes: 'close_notes',
		workNote: 'work_notes',
		comment: 'comments',
	};
	for (const [param, column] of Object.entries(text)) {
		if (fields[param] !== undefined && fields[param] !== '') body[column] = String(fields[param]);
	}
	if (fields.shortDescription !== undefined) {
		body.short_description = requireText(node, fields.shortDescription, 'Short Description', itemIndex, 'Describe the incident in one line, e.g. "Phishing email reported by finance".');
	}
	if (fields.state !== undefined) body.state = stateCode(node, fields.state, itemIndex);
	if (fields.impact !== undefined) body.impact = impactCode(node, fields.impact, itemIndex);
	if (fields.urgency !== undefined) body.urgency = urgencyCode(node, fields.urgency, itemIndex);
	const references: Array<[string, string, string]> = [
		['caller', 'caller_id', 'Caller'],
		['assignmentGroup', 'assignment_group', 'Assignment Group'],
		['assignedTo', 'assigned_to', 'Assigned To'],
	];
	for (const [param, column, label] of references) {
		const value = await referenceValue.call(this, param, label, itemIndex);
		if (value) body[column] = value;
	}
	return body;
}

function flat(value: unknown): { value: string; display: string } {
	if (value && typeof value === 'object') {
		const v = value as IDataObject;
		return { value: String(v.value ?? ''), display: String(v.display_value ?? v.value ?? '') };
	}
	return { value: String(value ?? ''), display: String(value ?? '') };
}

/** Query parameters Simplify needs: both values and display values. */
export const SIMPLIFY_QS: IDataObject = { sysparm_display_value: 'all' };

/** The fields a SOC workflow needs, flat, with ServiceNow's codes and their labels side by side. */
export function simplifyIncident(record: IDataObject): IDataObject {
	const v = (name: string) => flat(record[name]);
	return {
		sys_id: v('sys_id').value,
		number: v('number').value,
		short_description: v('short_description').value,
		state: v('state').value,
		state_label: INCIDENT_STATES[v('state').value] ?? v('state').display,
		priority: v('priority').value,
		priority_label: PRIORITIES[v('priority').value] ?? v('priority').display,
		impact: v('impact').value,
		impact_label: LEVELS[v('impact').value] ?? v('impact').display,
		urgency: v('urgency').value,
		urgency_label: LEVELS[v('urgency').value] ?? v('urgency').display,
		category: v('category').value,
		assignment_group: v('assignment_group').display,
		assignment_group_id: v('assignment_group').value,
		assigned_to: v('assigned_to').display,
		assigned_to_id: v('assigned_to').value,
		caller: v('caller_id').display,
		caller_id: v('caller_id').value,
		correlation_id: v('correlation_id').value,
		opened_at: v('opened_at').value,
		sys_updated_on: v('sys_updated_on').value,
		resolved_at: v('resolved_at').value,
		close_code: v('close_code').value,
	};
}

/** Reads one incident; a 404 names the sys_id. */
export async function readIncident(this: IExecuteFunctions, sysId: string, itemIndex: number, qs: IDataObject): Promise<IDataObject> {
	try {
		const response = await serviceNowApiRequest.call(this, { method: 'GET', path: `/api/now/table/incident/${sysId}`, qs, itemIndex });
		return resultOf(response);
	} catch (error) {
		throw namingMissingRecord(error, `no incident with sys_id ${decodeURIComponent(sysId)}`);
	}
}

/** PATCHes an incident; a 404 names the sys_id. */
export async function patchIncident(
	this: IExecuteFunctions,
	sysId: string,
	body: IDataObject,
	itemIndex: number,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const notes = JOURNAL_FIELDS.filter((field) => typeof body[field] === 'string' && (body[field] as string).trim() !== '');
	const sentAt = Date.now();
	try {
		const response = await serviceNowApiRequest.call(this, {
			method: 'PATCH',
			path: `/api/now/table/incident/${sysId}`,
			body,
			qs,
			// A repeated PATCH of the same fields lands in the same state, except that each journal entry is added again:
			// a PATCH with a note is repeated only after the journal shows the note did not land.
			idempotent: notes.length === 0,
			confirm: notes.length === 0 ? undefined : async () => await journalConfirms.call(this, sysId, body, notes, sentAt, qs, itemIndex),
			itemIndex,
		});
		return resultOf(response);
	} catch (error) {
		throw namingMissingRecord(error, `no incident with sys_id ${decodeURIComponent(sysId)}`);
	}
}

const JOURNAL_FIELDS = ['work_notes', 'comments'] as const;
/** How far before our PATCH a journal entry may be dated and still be ours: the instance's clock may differ from n8n's. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Whether a PATCH whose answer was lost landed: its notes are in `sys_journal_field` (the Table API reads journal
 * fields back empty). A PATCH is applied whole, so the notes being there means the other fields were applied too.
 */
async function journalConfirms(
	this: IExecuteFunctions,
	sysId: string,
	body: IDataObject,
	notes: ReadonlyArray<(typeof JOURNAL_FIELDS)[number]>,
	sentAt: number,
	qs: IDataObject,
	itemIndex: number,
): Promise<Confirmation> {
	const since = snTime(sentAt - CLOCK_SKEW_MS);
	const response = await serviceNowApiRequest.call(this, {
		method: 'GET',
		path: '/api/now/table/sys_journal_field',
		qs: {
			sysparm_query: `element_id=${decodeURIComponent(sysId)}^elementIN${notes.join(',')}^sys_created_on>=${since}^ORDERBYDESCsys_created_on`,
			sysparm_fields: 'element,value',
			sysparm_limit: 50,
		},
		itemIndex,
	});
	const entries = resultOf<IDataObject[]>(response);
	const landed = notes.every((field) =>
		entries.some((entry) => entry.element === field && String(entry.value ?? '').trim() === String(body[field]).trim()),
	);
	if (!landed) return { landed: false };
	return { landed: true, body: { result: await readIncident.call(this, sysId, itemIndex, qs) } };
}

/** Output of an incident operation: simplified, or ServiceNow's record as returned. */
export function incidentOutput(this: IExecuteFunctions, record: IDataObject, itemIndex: number): IDataObject {
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifyIncident(record) : record;
}

export function outputQs(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return this.getNodeParameter('simplify', itemIndex, true) ? SIMPLIFY_QS : {};
}
