import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeType, pathSegment, printable } from '../../shared/validation';
import type { ApiContext } from '../../shared/types';
import { xsoarApiRequest } from '../transport';

/** XSOAR's answer for an incident whose investigation was never started (a pending incident). */
export const noInvestigation = (error: unknown): error is NodeApiError =>
	error instanceof NodeApiError && error.httpCode === '403' && /could not find investigation/i.test(`${error.message} ${error.description ?? ''}`);

/** The most entries XSOAR answers for one read of an investigation. */
export const ENTRY_PAGE_MAX = 200;

export interface EntryFilter extends IDataObject {
	pageSize: number;
	tags?: string[];
	fromTime?: string;
}

/** Tags from a comma-separated text or an array from an expression; each one text, none empty (fail closed). */
function tagsFrom(node: INode, raw: unknown, itemIndex: number): string[] {
	const parts = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === 'string' ? raw.split(',') : [raw];
	const tags = parts.map((part) => {
		if (typeof part !== 'string') {
			throw new NodeOperationError(node, `A tag is ${describeType(part)}, not text`, { itemIndex, description: 'Map tags as text, e.g. evidence, network.' });
		}
		const tag = part.trim();
		if (/\p{Cc}/u.test(tag)) {
			throw new NodeOperationError(node, `Tag "${printable(tag)}" contains a control character`, { itemIndex, description: 'Remove line breaks from the tags.' });
		}
		return tag;
	});
	if (tags.length === 0 || tags.some((tag) => tag === '')) {
		throw new NodeOperationError(node, 'Tags has an empty tag', { itemIndex, description: 'Give one or more tags separated by commas, or remove the filter.' });
	}
	return tags;
}

function fromTimeOf(node: INode, raw: unknown, itemIndex: number): string {
	const text = typeof raw === 'string' ? raw.trim() : raw instanceof Date ? raw.toISOString() : undefined;
	const ms = text ? Date.parse(text) : Number.NaN;
	if (Number.isNaN(ms)) {
		const shown = text === undefined ? describeType(raw) : `"${printable(text)}"`;
		throw new NodeOperationError(node, `From Time ${shown} is not a date and time`, { itemIndex, description: 'Give an ISO 8601 time such as 2026-03-01T09:00:00Z, or remove the filter.' });
	}
	return new Date(ms).toISOString();
}

/** The body of `POST /investigation/{id}`: a page size of 1 to 200, and the filters the node was given. */
export function entryFilter(node: INode, limit: unknown, filters: IDataObject, itemIndex: number): EntryFilter {
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > ENTRY_PAGE_MAX) {
		throw new NodeOperationError(node, `Limit ${String(limit)} is not a number from 1 to ${ENTRY_PAGE_MAX}`, { itemIndex, description: `XSOAR answers 1 to ${ENTRY_PAGE_MAX} entries at a time.` });
	}
	const filter: EntryFilter = { pageSize: limit };
	if ('tags' in filters) filter.tags = tagsFrom(node, filters.tags, itemIndex);
	if ('fromTime' in filters) filter.fromTime = fromTimeOf(node, filters.fromTime, itemIndex);
	return filter;
}

/**
 * `POST /investigation/{id}`: the War Room of an incident (open or closed) with its entries (not in the published
 * swagger). A read: safe to repeat after a lost answer.
 */
export async function getEntries(this: ApiContext, id: string, filter: EntryFilter, itemIndex: number): Promise<IDataObject[]> {
	const path = `/investigation/${pathSegment(this.getNode(), id, 'Incident ID', itemIndex)}`;
	const response = await xsoarApiRequest.call(this, { method: 'POST', path, body: filter, idempotent: true, itemIndex }).catch((error: unknown) => {
		// XSOAR's 403 here means a pending incident, not a missing role: say so instead of the generic 403 hint.
		if (noInvestigation(error)) error.description = 'The incident is pending: its War Room opens when it is investigated (Incident › Investigate).';
		throw error;
	});
	return ((response.body?.entries as IDataObject[] | null | undefined) ?? []).slice(0, filter.pageSize);
}

export function simplifyEntry(entry: IDataObject): IDataObject {
	return { id: entry.id, created: entry.created, user: entry.user, contents: entry.contents, tags: entry.tags ?? [], note: entry.note };
}
