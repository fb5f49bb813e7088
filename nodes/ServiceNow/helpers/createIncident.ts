import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { serviceNowApiRequest, resultOf } from '../transport';
import { plainValue } from './fields';

/** Whether a failed create may still have happened: no answer (timeout, dropped connection) or a 5xx. */
function uncertain(error: NodeApiError): boolean {
	const status = Number(error.httpCode);
	return !error.httpCode || Number.isNaN(status) || status >= 500 || status === 408;
}

/** A refusal that may mean "this sys_id is taken": ServiceNow reports a unique-key violation on insert as a 4xx. */
function mayBeTaken(error: NodeApiError): boolean {
	const status = Number(error.httpCode);
	return status === 400 || status === 403 || status === 409;
}

async function readIfExists(this: IExecuteFunctions, sysId: string, qs: IDataObject, itemIndex: number) {
	try {
		const response = await serviceNowApiRequest.call(this, { method: 'GET', path: `/api/now/table/incident/${sysId}`, qs, itemIndex });
		return resultOf(response);
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

/** Text fields business rules leave alone, so a record that holds ours in them was created from our body. */
const IDENTIFYING_FIELDS = ['short_description', 'description', 'correlation_id'];

function holdsOurText(record: IDataObject, body: IDataObject): boolean {
	return IDENTIFYING_FIELDS.every((field) => body[field] === undefined || plainValue(record[field]) === String(body[field]));
}


export interface VerifiedCreate {
	/** The incident with the sys_id sent. */
	record: IDataObject;
	/**
	 * False when the instance refused the insert because a record with that sys_id already existed, i.e. another
	 * client inserted it first. Only possible with a caller-chosen (deterministic) sys_id.
	 */
	inserted: boolean;
}

/**
 * Creates an incident so that the outcome can always be verified: the client picks the sys_id (the Table API accepts
 * one on insert; random unless the caller passes one). When the answer is lost (timeout, dropped connection, 5xx),
 * reading that sys_id tells whether the insert happened; if not, it is sent once more with the same sys_id, which the
 * instance can only insert once.
 *
 * With a caller-chosen `options.sysId`, a 4xx refusal is checked too: if the sys_id exists, the instance refused a second insert
 * (unique key) and the existing record is returned with `inserted: false`. A lost answer whose sys_id exists afterwards
 * counts as inserted when it holds the text we sent; otherwise a concurrent client inserted that sys_id first.
 */
export async function createIncidentVerified(
	this: IExecuteFunctions,
	body: IDataObject,
	qs: IDataObject,
	itemIndex: number,
	options: { sysId?: string } = {},
): Promise<VerifiedCreate> {
	const chosen = options.sysId !== undefined;
	const sysId = options.sysId ?? randomBytes(16).toString('hex');
	for (let attempt = 0; ; attempt++) {
		try {
			const response = await serviceNowApiRequest.call(this, {
				method: 'POST',
				path: '/api/now/table/incident',
				body: { ...body, sys_id: sysId },
				qs,
				idempotent: false,
				itemIndex,
			});
			return { record: resultOf(response), inserted: true };
		} catch (error) {
			// Our transport's errors are NodeApiErrors already; wrapping hands back the same error.
			const apiError = new NodeApiError(this.getNode(), error as JsonObject);
			if (attempt === 0 && !uncertain(apiError)) {
				if (!chosen || !mayBeTaken(apiError)) throw apiError;
				// Refused outright: either the sys_id is taken (someone else inserted it) or the insert is invalid.
				const existing = await readIfExists.call(this, sysId, qs, itemIndex);
				if (existing) return { record: existing, inserted: false };
				throw apiError;
			}
			// A retry that fails may have lost a race with the first attempt landing late: look before giving up.
			const landed = await readIfExists.call(this, sysId, qs, itemIndex);
			// With a chosen sys_id a concurrent client may have inserted it: it is ours only if it holds what we sent.
			if (landed) return { record: landed, inserted: !chosen || holdsOurText(landed, body) };
			if (attempt >= 1) throw apiError;
		}
	}
}
