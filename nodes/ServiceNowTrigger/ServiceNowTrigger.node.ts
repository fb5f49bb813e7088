import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { configFingerprint, pollDeadline } from '../shared/polling';
import { header } from '../shared/rateLimit';
import { printable } from '../shared/validation';
import { INCIDENT_STATES } from '../ServiceNow/helpers/codes';
import { SIMPLIFY_QS, simplifyIncident } from '../ServiceNow/helpers/incident';
import { andQuery, condition } from '../ServiceNow/helpers/query';
import { resultOf, serviceNowApiRequest } from '../ServiceNow/transport';
import type { Cursor, TriggerState } from './cursor';
import { plainValue } from '../ServiceNow/helpers/fields';
import { snTime } from '../ServiceNow/helpers/time';
import { MAX_SEEN, isAfter, remember } from './cursor';
import { serviceNowAuth } from '../ServiceNow/descriptions/auth.description';

export class ServiceNowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ServiceNow ITSM Trigger',
		name: 'serviceNowTrigger',
		icon: { light: 'file:../../icons/servicenow.svg', dark: 'file:../../icons/servicenow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when ServiceNow incidents matching a query are created or updated, e.g. resolved',
		defaults: { name: 'ServiceNow ITSM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: serviceNowAuth.credentials,
		properties: [
			serviceNowAuth.property,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Incident Created', value: 'created' },
					{
						name: 'Incident Created or Updated',
						value: 'updated',
						description: 'Every change, with the previous state, e.g. to react when a ticket is resolved',
					},
				],
				default: 'updated',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ displayName: 'Assignment Group (Sys ID)', name: 'assignmentGroup', type: 'string', default: '' },
					{ displayName: 'Assignment Group Name', name: 'assignmentGroupName', type: 'string', default: '', placeholder: 'e.g. Security Operations' },
					{ displayName: 'Category', name: 'category', type: 'string', default: '' },
					{ displayName: 'Correlation ID Starts With', name: 'correlationPrefix', type: 'string', default: '', placeholder: 'e.g. okta-' },
					{
						displayName: 'Encoded Query',
						name: 'query',
						type: 'string',
						default: '',
						placeholder: 'e.g. priority<=2',
						description: 'Extra conditions in ServiceNow encoded-query syntax, AND-ed with the others',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Page Size',
						name: 'pageSize',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1000 },
						default: 100,
						description: 'Incidents read per request while catching up',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const started = Date.now();
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const event = this.getNodeParameter('event', 'updated') as string;
		const field = event === 'created' ? 'sys_created_on' : 'sys_updated_on';
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const pageSize = Number((this.getNodeParameter('options', {}) as IDataObject).pageSize ?? 100) || 100;
		const conditions = filterConditions.call(this, filters);
		const raw = encodedQuery.call(this, filters);

		if (this.getMode() === 'manual') {
			const response = await serviceNowApiRequest.call(this, {
				method: 'GET',
				path: '/api/now/table/incident',
				qs: { ...SIMPLIFY_QS, sysparm_query: andQuery(raw, conditions, [`ORDERBYDESC${field}`]), sysparm_limit: 1 },
			});
			const [latest] = resultOf<IDataObject[]>(response);
			return latest ? [this.helpers.returnJsonArray([toEvent(latest, state, event)])] : null;
		}

		// No request starts or waits past it, so a vendor that stops answering still lets the poll end in time.
		const deadline = pollDeadline(this, started);
		// What decides which records match and what the cursor's timestamp means.
		const config = configFingerprint(['incident', field, andQuery(raw, conditions)]);
		if (!state.cursor) {
			// No backfill: start at the instance's current second (its clock, from the Date header), skipping the records
			// already stamped with it; later updates within that second are still read once it has passed.
			const probe = await serviceNowApiRequest.call(this, {
				method: 'GET',
				path: '/api/now/table/incident',
				qs: { sysparm_fields: 'sys_id', sysparm_limit: 1, sysparm_no_count: true },
				deadline,
			});
			const now = serverSecond(probe.headers);
			const sameSecond = await serviceNowApiRequest.call(this, {
				method: 'GET',
				path: '/api/now/table/incident',
				qs: { sysparm_query: andQuery(raw, [...conditions, `${field}>=${now}`]), sysparm_fields: 'sys_id', sysparm_limit: MAX_SEEN, sysparm_no_count: true },
				deadline,
			});
			state.cursor = { ts: now, id: '' };
			state.seen = resultOf<IDataObject[]>(sameSecond).map((r) => plainValue(r.sys_id));
			state.lastState = {};
			state.config = config;
			return null;
		}
		if (state.config === undefined) {
			// A cursor from before configurations were tracked: it was built for this configuration as far as we know.
			state.config = config;
		} else if (state.config !== config) {
			// Another query or event field: read the last emitted second again, whole, minus what was already read in it,
			// and forget previous states the old query recorded (they may no longer be the ones before).
			state.cursor = { ts: state.cursor.ts, id: '' };
			state.lastState = {};
			state.config = config;
		}

		const emitted: IDataObject[] = [];
		let cursor: Cursor = { ...state.cursor };
		const wholeSecond = state.cursor.id === '' ? state.cursor.ts : undefined;
		const accountedFor = new Set(state.seen ?? []);
		let seen = new Set(state.seen ?? []);
		const lastState = { ...(state.lastState ?? {}) };
		drain: for (;;) {
			// With `id` empty nothing in the cursor's second counts as read yet: take the whole second.
			const afterCursor =
				cursor.id === ''
					? andQuery(raw, [...conditions, `${field}>=${cursor.ts}`])
					: [
							andQuery(raw, [...conditions, `${field}>${cursor.ts}`]),
							andQuery(raw, [...conditions, `${field}=${cursor.ts}`, `sys_id>${cursor.id}`]),
						].join('^NQ');
			let page: IDataObject[];
			let settledBefore: string;
			try {
				const response = await serviceNowApiRequest.call(this, {
					method: 'GET',
					path: '/api/now/table/incident',
					qs: {
						...SIMPLIFY_QS,
						sysparm_query: `${afterCursor}^ORDERBY${field}^ORDERBYsys_id`,
						sysparm_limit: pageSize,
						sysparm_no_count: true,
					},
					deadline,
				});
				page = resultOf<IDataObject[]>(response);
				settledBefore = serverSecond(response.headers);
			} catch (error) {
				// Throttled past the retries, or no answer before the deadline, mid-drain: hand on what was read; the cursor
				// stops at the last of it.
				if (emitted.length > 0) break;
				throw new NodeApiError(this.getNode(), error as JsonObject);
			}
			const before = cursor;
			for (const record of page) {
				const ts = plainValue(record[field]);
				const id = plainValue(record.sys_id);
				// The current second may still get more records (1-second timestamps): wait until it has passed.
				if (ts >= settledBefore) break drain;
				if (!isAfter(ts, id, cursor)) continue;
				if (ts !== cursor.ts) seen = new Set();
				cursor = { ts, id };
				seen.add(id);
				if (ts === wholeSecond && accountedFor.has(id)) continue;
				emitted.push(toEvent(record, { lastState }, event));
				remember(lastState, id, plainValue(record.state));
			}
			// A short page is the end; a page that did not move the cursor would repeat forever.
			if (page.length < pageSize || cursor === before || Date.now() >= deadline) break;
		}

		if (cursor.ts === state.cursor.ts && cursor.id === state.cursor.id) return null;
		state.cursor = cursor;
		state.lastState = lastState;
		state.seen = [...seen].slice(-MAX_SEEN);
		if (emitted.length === 0) return null;
		return [this.helpers.returnJsonArray(emitted)];
	}
}

/**
 * The Encoded Query filter, refused when it would break the trigger: its own ORDERBY would reorder the keyset pages
 * (records are skipped), and an empty `^NQ` branch matches every incident (the filter silently disappears).
 */
function encodedQuery(this: IPollFunctions, filters: IDataObject): string {
	const raw = String(filters.query ?? '').trim();
	if (/ORDERBY/i.test(raw)) {
		throw new NodeOperationError(this.getNode(), 'Encoded Query cannot contain ORDERBY', {
			description:
				'The trigger orders incidents itself (by time, then sys_id) so it reads each one exactly once; another order makes it skip records. Remove ORDERBY… and ORDERBYDESC… from Encoded Query.',
		});
	}
	if (raw !== '' && raw.split('^NQ').some((branch) => branch.replace(/\^/g, '').trim() === '')) {
		throw new NodeOperationError(this.getNode(), 'Encoded Query has an empty ^NQ part', {
			description: `An empty query between ^NQ separators matches every incident, so "${printable(raw)}" would not filter at all. Remove the extra ^NQ.`,
		});
	}
	return raw;
}

function filterConditions(this: IPollFunctions, filters: IDataObject): string[] {
	const node = this.getNode();
	const list: Array<[string, '=' | 'STARTSWITH', unknown, string]> = [
		['assignment_group', '=', filters.assignmentGroup, 'Assignment Group'],
		['assignment_group.name', '=', filters.assignmentGroupName, 'Assignment Group Name'],
		['category', '=', filters.category, 'Category'],
		['correlation_id', 'STARTSWITH', filters.correlationPrefix, 'Correlation ID Starts With'],
	];
	return list
		.filter(([, , value]) => value !== undefined && value !== '')
		.map(([field, operator, value, label]) => condition(node, { field, operator, value, label }, 0));
}

/** The server's current second from its `Date` header (its clock, not ours), local time if it sent none. */
function serverSecond(headers: Record<string, string | string[] | undefined>): string {
	const date = Date.parse(header(headers, 'date') ?? '');
	return snTime(Number.isNaN(date) ? Date.now() : date);
}

function toEvent(record: IDataObject, state: TriggerState, event: string): IDataObject {
	const incident = simplifyIncident(record);
	const previous = state.lastState?.[incident.sys_id as string];
	const created = plainValue(record.sys_mod_count) === '0' || plainValue(record.sys_created_on) === plainValue(record.sys_updated_on);
	return {
		event: event === 'created' || created ? 'created' : 'updated',
		previous_state: previous ?? null,
		previous_state_label: previous ? (INCIDENT_STATES[previous] ?? previous) : null,
		state_changed: previous === undefined ? null : previous !== incident.state,
		...incident,
	};
}
