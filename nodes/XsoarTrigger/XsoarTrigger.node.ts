import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { configFingerprint, pollDeadline } from '../shared/polling';
import { header } from '../shared/rateLimit';
import { xsoarAuth } from '../Xsoar/descriptions/auth.description';
import { MAX_PAGE_SIZE } from '../Xsoar/helpers/incident';
import { SEVERITY_OPTIONS, severityValue } from '../Xsoar/helpers/severity';
import { xsoarApiRequest } from '../Xsoar/transport';
import type { Cursor, TriggerState } from './cursor';
import { advance, eventKey, timeOf } from './cursor';

const PAGE_SIZE = 100;
/** At most this many events per poll; the rest follow on the next poll. */
const MAX_EVENTS = 1000;

export class XsoarTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cortex XSOAR Trigger',
		name: 'xsoarTrigger',
		icon: { light: 'file:../../icons/xsoar.svg', dark: 'file:../../icons/xsoar.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Cortex XSOAR incidents matching a type, severity or query are created or updated',
		defaults: { name: 'Cortex XSOAR Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: xsoarAuth.credentials,
		properties: [
			xsoarAuth.property,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Incident', value: 'created' },
					{ name: 'Incident Updated', value: 'modified', description: 'Every change (fields, status, War Room), e.g. to react when one is closed' },
				],
				default: 'created',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Query (Sent As Is)',
						name: 'query',
						type: 'string',
						default: '',
						placeholder: 'e.g. -status:closed and owner:"alice"',
						description: 'XSOAR query language, AND-ed with the other filters',
					},
					{ displayName: 'Severities', name: 'severities', type: 'multiOptions', options: SEVERITY_OPTIONS, default: [] },
					{ displayName: 'Types', name: 'types', type: 'string', default: '', placeholder: 'e.g. Phishing, Malware', description: 'Comma-separated incident types' },
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const started = Date.now();
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const field = this.getNodeParameter('event', 'created') === 'modified' ? 'modified' : 'created';
		const filter = triggerFilter.call(this);
		const search = async (since: string | undefined, page: number, size: number, asc: boolean, deadline?: number) => {
			const query = [since ? `${field}:>="${since}"` : '', String(filter.query ?? '')].filter(Boolean).join(' and ');
			const response = await xsoarApiRequest.call(this, {
				method: 'POST',
				surface: 'public',
				path: '/incidents/search',
				body: { filter: { ...filter, ...(query ? { query } : {}), sort: [{ field, asc }], page, size }, userFilter: false },
				idempotent: true,
				deadline,
			});
			return ((response.body as IDataObject).data ?? []) as IDataObject[];
		};

		if (this.getMode() === 'manual') {
			const [latest] = await search(undefined, 0, 1, false);
			return latest ? [this.helpers.returnJsonArray([latest])] : null;
		}

		const deadline = pollDeadline(this, started);
		const config = configFingerprint(['xsoar-incidents', field, filter]);
		if (!state.cursor) {
			// No backfill: start at the server's current second; what is stamped with it already counts as seen.
			const probe = await xsoarApiRequest.call(this, { method: 'GET', path: '/user', deadline });
			const serverNow = Date.parse(header(probe.headers, 'date') ?? '') || Date.now();
			const since = new Date(Math.floor(serverNow / 1000) * 1000).toISOString();
			const present = await search(since, 0, MAX_PAGE_SIZE, true, deadline);
			state.cursor = { since, seen: present.map((i) => eventKey(i, field)), config };
			return null;
		}
		// A changed configuration starts again from the last emitted time (what was emitted at it stays seen).
		let cursor: Cursor = state.cursor.config === config ? state.cursor : { ...state.cursor, config };

		const emitted: IDataObject[] = [];
		let page = 0;
		while (emitted.length < MAX_EVENTS && Date.now() < deadline) {
			// Always from the cursor, oldest first: an incident that changes while we page moves behind the cursor's
			// newest time and is read again there, never skipped by shifted pages.
			const batch = await search(cursor.since, page, PAGE_SIZE, true, deadline);
			const seen = new Set(cursor.seen);
			const fresh = batch.filter((i) => !seen.has(eventKey(i, field)) && timeOf(i, field) >= Date.parse(cursor.since));
			if (fresh.length) {
				emitted.push(...fresh);
				const next = advance(cursor, fresh, field);
				// Pages restart from the new cursor; only a full page of one instant needs the next page number.
				page = next.since === cursor.since ? page + 1 : 0;
				cursor = next;
			} else if (batch.length === PAGE_SIZE) page++;
			if (batch.length < PAGE_SIZE) break;
		}
		state.cursor = cursor;
		return emitted.length ? [this.helpers.returnJsonArray(emitted)] : null;
	}
}

/** Types and severities as filter arrays (no quoting needed), the query as the user wrote it. */
function triggerFilter(this: IPollFunctions): IDataObject {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const filter: IDataObject = {};
	if ('types' in filters) {
		const types = String(filters.types ?? '').split(',').map((t) => t.trim()).filter(Boolean);
		if (!types.length) throw new NodeOperationError(node, 'Types is empty', { description: 'Give at least one incident type, or remove the filter.' });
		filter.type = types;
	}
	if ('severities' in filters) filter.level = (filters.severities as string[]).map((s) => severityValue(node, s, 0));
	if ('query' in filters) {
		const query = String(filters.query ?? '').trim();
		if (!query) throw new NodeOperationError(node, 'Query is empty', { description: 'Write a query, or remove the filter.' });
		filter.query = query;
	}
	return filter;
}
