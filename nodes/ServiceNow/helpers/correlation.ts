import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { serviceNowApiRequest, resultOf } from '../transport';
import { CLOSED_STATES } from './codes';
import { createIncidentVerified } from './createIncident';
import { plainValue } from './fields';
import { patchIncident } from './incident';
import { CORRELATION_ID_LENGTH, queryValue } from './query';

/*
 * Create or Update by Correlation ID without a lock. n8n may run the same workflow in several processes (queue
 * mode), so two executions can both find no open incident. The race is made impossible rather than repaired: the new
 * incident's sys_id is derived from the correlation ID and a generation, so concurrent executions send the same sys_id
 * and the instance inserts it only once.
 *  1. find the open incidents with this correlation_id, oldest (lowest number) first;
 *  2. if there are any, the oldest is the incident: add the note there (and merge newer open duplicates, which only
 *     incidents created outside the node can cause);
 *  3. otherwise insert with sys_id = sha256('n8n-nodes-secops:<correlation ID>:<generation>'), the generation being
 *     the sys_id of the newest closed incident with this correlation_id (so it advances when an incident is closed).
 *     If the instance refuses it because that sys_id exists, a concurrent execution won: the note goes to its
 *     incident. If the sys_id is a closed incident's (records deleted since), a random sys_id is used instead;
 *  4. look again (backstop): if an older open incident with the same correlation_id exists (created by hand or by
 *     another tool in the meantime), ours is resolved as a duplicate of it (or deleted) and the note goes there.
 *     Numbers only grow, so every execution picks the same survivor.
 */

const SYS_ID_NAMESPACE = 'n8n-nodes-secops';
const NO_GENERATION = 'first';

/** The sys_id this node gives the incident for a correlation ID in a generation: 32 lowercase hex characters. */
export function correlationSysId(correlationId: string, generation: string): string {
	return createHash('sha256').update(`${SYS_ID_NAMESPACE}:${correlationId}:${generation}`).digest('hex').slice(0, 32);
}

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
	const value = queryValue(this.getNode(), correlationId, 'Correlation ID', itemIndex, CORRELATION_ID_LENGTH);
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

/** The generation of a correlation ID: the sys_id of its newest (highest number) closed incident. */
async function generation(this: IExecuteFunctions, correlationId: string, itemIndex: number): Promise<string> {
	const value = queryValue(this.getNode(), correlationId, 'Correlation ID', itemIndex, CORRELATION_ID_LENGTH);
	const response = await serviceNowApiRequest.call(this, {
		method: 'GET',
		path: '/api/now/table/incident',
		qs: {
			sysparm_query: `correlation_id=${value}^stateIN${CLOSED_STATES.join(',')}^ORDERBYDESCnumber`,
			sysparm_fields: 'sys_id',
			sysparm_limit: 1,
		},
		itemIndex,
	});
	const [newest] = resultOf<IDataObject[]>(response);
	return newest?.sys_id ? String(newest.sys_id) : NO_GENERATION;
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
		close_notes: `Duplicate of ${survivor.number}: another open incident for correlation ID ${input.correlationId}.`,
		work_notes: `Merged into ${survivor.number}, the open incident for correlation ID ${input.correlationId}.`,
	}, itemIndex);
}

async function noteOnSurvivor(this: IExecuteFunctions, survivor: Found, input: CorrelationInput, itemIndex: number) {
	return await patchIncident.call(this, survivor.sys_id, { ...input.updateBody, [input.noteField]: input.note }, itemIndex, input.qs);
}

async function noteOnOldest(this: IExecuteFunctions, open: Found[], input: CorrelationInput, itemIndex: number): Promise<CorrelationResult> {
	const [survivor, ...newer] = open;
	for (const duplicate of newer) await mergeDuplicate.call(this, duplicate, survivor, input, itemIndex);
	const record = await noteOnSurvivor.call(this, survivor, input, itemIndex);
	return { outcome: 'existing', record, mergedDuplicates: newer.map((d) => d.number) };
}

export async function createOrUpdateByCorrelation(
	this: IExecuteFunctions,
	input: CorrelationInput,
	itemIndex: number,
): Promise<CorrelationResult> {
	const open = await openIncidents.call(this, input.correlationId, itemIndex);
	if (open.length > 0) return await noteOnOldest.call(this, open, input, itemIndex);

	const sysId = correlationSysId(input.correlationId, await generation.call(this, input.correlationId, itemIndex));
	const attempt = await createIncidentVerified.call(this, input.createBody, input.qs, itemIndex, { sysId });
	let created = attempt.record;
	if (!attempt.inserted) {
		const taken: Found = { sys_id: plainValue(created.sys_id), number: plainValue(created.number) };
		if (plainValue(created.correlation_id) === input.correlationId && !CLOSED_STATES.includes(plainValue(created.state))) {
			// A concurrent execution inserted this generation's incident first: the note goes there.
			const record = await noteOnSurvivor.call(this, taken, input, itemIndex);
			return { outcome: 'existing', record, mergedDuplicates: [] };
		}
		// The sys_id is a closed (or foreign) record's, e.g. after incidents were deleted: look once more, then create
		// with a random sys_id; the check below still converges concurrent runs in this rare case.
		const again = await openIncidents.call(this, input.correlationId, itemIndex);
		if (again.length > 0) return await noteOnOldest.call(this, again, input, itemIndex);
		created = (await createIncidentVerified.call(this, input.createBody, input.qs, itemIndex)).record;
	}

	const ours: Found = { sys_id: plainValue(created.sys_id), number: plainValue(created.number) };
	const after = await openIncidents.call(this, input.correlationId, itemIndex);
	const survivor = after[0] ?? ours;
	const duplicates = after.filter((r) => r.sys_id !== survivor.sys_id);
	for (const duplicate of duplicates) await mergeDuplicate.call(this, duplicate, survivor, input, itemIndex);
	if (survivor.sys_id === ours.sys_id) {
		return { outcome: 'created', record: created, mergedDuplicates: duplicates.map((d) => d.number) };
	}
	// An incident created outside this node got there first: ours was merged into it, the note goes there.
	const record = await noteOnSurvivor.call(this, survivor, input, itemIndex);
	return { outcome: 'existing', record, mergedDuplicates: duplicates.map((d) => d.number) };
}
