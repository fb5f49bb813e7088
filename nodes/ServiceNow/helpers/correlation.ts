import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { serviceNowApiRequest, resultOf } from '../transport';
import { CLOSED_STATES } from './codes';
import { createIncidentVerified } from './createIncident';
import { patchIncident } from './incident';
import { queryValue } from './query';

/*
 * Create or Update by Correlation ID without a lock. n8n may run the same workflow in several processes (queue
 * mode), so two executions can both find no incident and both create one. Instead of preventing that, every
 * execution converges on the same answer:
 *  1. find the open incidents with this correlation_id, oldest (lowest number) first;
 *  2. if there are any, the oldest is the incident: add the note there (and merge any newer open duplicates);
 *  3. otherwise create one (verifiably, see createIncidentVerified), then look again: if an older open incident with
 *     the same correlation_id exists, a concurrent execution won; ours is resolved as a duplicate of it (or deleted)
 *     and the note goes to the winner. Numbers only grow, so every execution picks the same winner.
 */

export interface CorrelationInput {
	correlationId: string;
	createBody: IDataObject;
	/** Fields applied to an existing incident (empty unless Update Fields on Existing is on). */
	updateBody: IDataObject;
	note: string;
	noteField: 'work_notes' | 'comments';
	duplicateHandling: 'resolve' | 'delete';
	qs: IDataObject;
}

export interface CorrelationResult {
	outcome: 'created' | 'existing';
	record: IDataObject;
	/** Numbers of newer open incidents with the same correlation_id that were resolved or deleted as duplicates. */
	mergedDuplicates: string[];
}

interface Found {
	sys_id: string;
	number: string;
}

async function openIncidents(this: IExecuteFunctions, correlationId: string, itemIndex: number): Promise<Found[]> {
	const value = queryValue(this.getNode(), correlationId, 'Correlation ID', itemIndex);
	const response = await serviceNowApiRequest.call(this, {
		method: 'GET',
		path: '/api/now/table/incident',
		qs: {
			sysparm_query: `correlation_id=${value}^stateNOT IN${CLOSED_STATES.join(',')}^ORDERBYnumber`,
			sysparm_fields: 'sys_id,number',
			sysparm_limit: 50,
		},
		itemIndex,
	});
	return resultOf<IDataObject[]>(response).map((r) => ({ sys_id: String(r.sys_id), number: String(r.number) }));
}

async function mergeDuplicate(this: IExecuteFunctions, duplicate: Found, survivor: Found, input: CorrelationInput, itemIndex: number) {
	if (input.duplicateHandling === 'delete') {
		try {
			await serviceNowApiRequest.call(this, { method: 'DELETE', path: `/api/now/table/incident/${duplicate.sys_id}`, itemIndex });
		} catch (error) {
			// The concurrent execution that created it, or the winner, may have deleted it a moment earlier.
			if (!(error instanceof NodeApiError && error.httpCode === '404')) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		return;
	}
	await patchIncident.call(this, duplicate.sys_id, {
		state: '6',
		close_code: 'Duplicate',
		close_notes: `Duplicate of ${survivor.number}: opened by a concurrent run for correlation ID ${input.correlationId}.`,
		work_notes: `Merged into ${survivor.number}, the open incident for correlation ID ${input.correlationId}.`,
	}, itemIndex);
}

async function noteOnSurvivor(this: IExecuteFunctions, survivor: Found, input: CorrelationInput, itemIndex: number) {
	return await patchIncident.call(this, survivor.sys_id, { ...input.updateBody, [input.noteField]: input.note }, itemIndex, input.qs);
}

export async function createOrUpdateByCorrelation(
	this: IExecuteFunctions,
	input: CorrelationInput,
	itemIndex: number,
): Promise<CorrelationResult> {
	const open = await openIncidents.call(this, input.correlationId, itemIndex);
	if (open.length > 0) {
		const [survivor, ...newer] = open;
		for (const duplicate of newer) await mergeDuplicate.call(this, duplicate, survivor, input, itemIndex);
		const record = await noteOnSurvivor.call(this, survivor, input, itemIndex);
		return { outcome: 'existing', record, mergedDuplicates: newer.map((d) => d.number) };
	}

	const created = await createIncidentVerified.call(this, input.createBody, input.qs, itemIndex);
	const ours: Found = { sys_id: plain(created.sys_id), number: plain(created.number) };
	const after = await openIncidents.call(this, input.correlationId, itemIndex);
	const survivor = after[0] ?? ours;
	const duplicates = after.filter((r) => r.sys_id !== survivor.sys_id);
	for (const duplicate of duplicates) await mergeDuplicate.call(this, duplicate, survivor, input, itemIndex);
	if (survivor.sys_id === ours.sys_id) {
		return { outcome: 'created', record: created, mergedDuplicates: duplicates.map((d) => d.number) };
	}
	// A concurrent execution created the incident first: ours was merged into it, the note goes there.
	const record = await noteOnSurvivor.call(this, survivor, input, itemIndex);
	return { outcome: 'existing', record, mergedDuplicates: duplicates.map((d) => d.number) };
}

/** A field as a plain value whatever `sysparm_display_value` was used. */
function plain(value: unknown): string {
	return value && typeof value === 'object' ? String((value as IDataObject).value ?? '') : String(value ?? '');
}
