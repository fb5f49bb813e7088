import type { IDataObject, IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { collectPages } from '../../shared/paging';
import { pathSegment } from '../../shared/validation';
import type { ApiContext } from '../../shared/types';
import { xsoarApiRequest } from '../transport';

const PAGE_SIZE = 100;

/** XSOAR's incident `status` values. */
export const INCIDENT_STATUS = { pending: 0, active: 1, closed: 2, archived: 3 } as const;
export const MAX_PAGE_SIZE = 1000;

export interface SearchFilter extends IDataObject {
	query?: string;
}

interface SearchAnswer {
	total?: number;
	data?: IDataObject[] | null;
}

/**
 * `POST /incidents/search` over all pages (`page` 0-based). `size` is always sent: XSOAR's default is 0, which
 * returns no incidents at all.
 */
export async function searchIncidents(
	this: ApiContext,
	filter: SearchFilter,
	options: { limit?: number; itemIndex?: number; deadline?: number; pageSize?: number } = {},
): Promise<IDataObject[]> {
	const size = Math.min(options.pageSize ?? PAGE_SIZE, options.limit ?? PAGE_SIZE, MAX_PAGE_SIZE);
	return await collectPages<IDataObject, number>(
		async (page = 0) => {
			const response = await xsoarApiRequest.call(this, {
				method: 'POST',
				surface: 'public',
				path: '/incidents/search',
				body: { filter: { ...filter, page, size }, userFilter: false },
				// A search changes nothing: safe to repeat after a lost answer.
				idempotent: true,
				itemIndex: options.itemIndex,
				deadline: options.deadline,
			});
			const body = response.body as SearchAnswer;
			const items = body?.data ?? [];
			const more = items.length === size && (body?.total === undefined || (page + 1) * size < body.total);
			return { items, next: more ? page + 1 : undefined };
		},
		{ limit: options.limit },
	);
}

export function incidentId(node: INode, value: unknown, itemIndex: number): string {
	return decodeURIComponent(pathSegment(node, value, 'Incident ID', itemIndex, '123'));
}

/** One incident by ID (a search on `id`, the way XSOAR's own clients read one). */
export async function getIncident(this: ApiContext, id: string, itemIndex?: number): Promise<IDataObject> {
	const [incident] = await searchIncidents.call(this, { id: [id] }, { limit: 1, itemIndex });
	if (!incident) {
		throw new NodeOperationError((this as IExecuteFunctions).getNode(), `Cortex XSOAR has no incident ${id}`, {
			itemIndex,
			description: 'Check the incident ID, and that the API key\'s user may see the incident.',
		});
	}
	return incident;
}

/** Whether XSOAR refused a write because the incident's `version` moved on (someone else changed it meanwhile). */
export function isVersionConflict(error: unknown): boolean {
	return error instanceof NodeApiError && /version/i.test(`${error.message} ${error.description ?? ''}`) && ['400', '409'].includes(error.httpCode ?? '');
}

const MAX_VERSION_RETRIES = 3;

/**
 * Read-modify-write of an incident: read it, apply `change`, send it with the `version` read; when XSOAR answers a
 * version conflict (a concurrent change), read it again and re-apply, so no one else's change is overwritten.
 */
export async function updateIncident(
	this: IExecuteFunctions,
	id: string,
	change: (incident: IDataObject) => IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	for (let attempt = 0; ; attempt++) {
		const current = await getIncident.call(this, id, itemIndex);
		const body = { ...current, ...change(current), id, version: current.version };
		try {
			const response = await xsoarApiRequest.call(this, { method: 'POST', surface: 'public', path: '/incident', body, itemIndex });
			return response.body;
		} catch (error) {
			// Our transport's errors are NodeApiErrors already; re-wrapping hands back the same error.
			if (!isVersionConflict(error) || attempt >= MAX_VERSION_RETRIES) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}

/** Labels as XSOAR wants them: `[{type, value}]`, from the UI's key/value list. */
export function labelsFrom(node: INode, raw: unknown, itemIndex: number): Array<{ type: string; value: string }> {
	const entries = ((raw as IDataObject | undefined)?.label ?? []) as IDataObject[];
	return entries.map((entry) => {
		const type = typeof entry.type === 'string' ? entry.type.trim() : '';
		if (!type) throw new NodeOperationError(node, 'A label has no type', { itemIndex, description: 'Give each label a type, e.g. Instance.' });
		return { type, value: entry.value === undefined || entry.value === null ? '' : String(entry.value) };
	});
}

/** Custom fields from a JSON object (keys are machine names: lower case, no spaces). */
export function customFieldsFrom(node: INode, raw: unknown, itemIndex: number): IDataObject {
	if (raw === undefined || raw === '' || raw === null) return {};
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			throw new NodeOperationError(node, 'Custom Fields is not valid JSON', { itemIndex, description: 'Give an object such as {"scanip": "10.0.0.7"}.' });
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(node, 'Custom Fields is not a JSON object', { itemIndex, description: 'Give an object such as {"scanip": "10.0.0.7"}.' });
	}
	return value as IDataObject;
}
