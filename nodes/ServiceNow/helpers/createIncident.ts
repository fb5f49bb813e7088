import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { serviceNowApiRequest, resultOf } from '../transport';

/** Whether a failed create may still have happened: no answer (timeout, dropped connection) or a 5xx. */
function uncertain(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	return !error.httpCode || Number.isNaN(status) || status >= 500 || status === 408;
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

/**
 * Creates an incident so that the outcome can always be verified: the client picks the sys_id (the Table API accepts
 * one on insert). When the answer is lost (timeout, dropped connection, 5xx), reading that sys_id tells whether the
 * insert happened; if not, it is sent once more with the same sys_id, which the instance can only insert once.
 */
export async function createIncidentVerified(
	this: IExecuteFunctions,
	body: IDataObject,
	qs: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const sysId = randomBytes(16).toString('hex');
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
			return resultOf(response);
		} catch (error) {
			// A retry that fails may have lost a race with the first attempt landing late: look before giving up.
			// Our transport's errors are NodeApiErrors already; wrapping hands back the same error.
			const apiError = new NodeApiError(this.getNode(), error as JsonObject);
			if (!uncertain(apiError) && attempt === 0) throw apiError;
			const landed = await readIfExists.call(this, sysId, qs, itemIndex);
			if (landed) return landed;
			if (attempt >= 1) throw apiError;
		}
	}
}
