import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { vendorClient } from '../../shared/client';
import { collectPages, nextOffset } from '../../shared/paging';
import type { ApiContext, VendorProfile } from '../../shared/types';

const API = '/restapi/json/v1';

/** PAM360's envelope: `{"operation":{"name","result":{"status","message"},"Details","totalRows"}}`. */
export interface Pam360Operation {
	name?: string;
	result?: { status?: string; message?: string; statusCode?: number | string };
	Details?: unknown;
	totalRows?: number | string;
}

function operationOf(body: unknown): Pam360Operation | undefined {
	const operation = (body as { operation?: unknown } | undefined)?.operation;
	return operation && typeof operation === 'object' ? (operation as Pam360Operation) : undefined;
}

/** Newer builds also answer `status: "true"`; anything else (`Failed`) is a refusal, whatever the HTTP status. */
function succeeded(operation: Pam360Operation | undefined): boolean {
	const status = String(operation?.result?.status ?? '').toLowerCase();
	return status === 'success' || status === 'true';
}

export const pam360Vendor: VendorProfile = {
	name: 'PAM360',
	parseError(body) {
		const result = operationOf(body)?.result;
		if (result && typeof result.message === 'string') {
			return { message: result.message, ...(result.statusCode === undefined ? {} : { code: String(result.statusCode) }) };
		}
		if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 300) };
		return {};
	},
	// PAM360 documents no rate-limit headers: a 429 or 503 is waited out with the shared backoff.
	retryAfterMs: () => undefined,
	failedBody: (body) => operationOf(body) !== undefined && !succeeded(operationOf(body)),
	hints: {
		401: "Check the credential's Token Type and token. An App Token whose RPA entry was deleted or expired must be regenerated under Admin » Integrations » Robotic Process Automation.",
		403: 'The RPA entry behind the App Token is not approved: ask a PAM360 administrator to approve it under Admin » Integrations » Robotic Process Automation.',
	},
};

/** One credential with two token types (chosen inside it), so the node has no Authentication parameter. */
export const pam360Credentials = [{ name: 'secOpsPam360Api', required: true }];

export const pam360Client = vendorClient(pam360Vendor, { credentialType: () => 'secOpsPam360Api' }, {
	name: 'url',
	label: 'Server URL',
	example: 'https://pam360.acme.example:8282',
});

export interface Pam360Call {
	method: IHttpRequestMethods;
	/** Below /restapi/json/v1, every dynamic segment already encoded. */
	path: string;
	/** `operation.Details` of INPUT_DATA: the query for GET, the form body for POST/PUT. */
	details?: IDataObject;
	/** Plain query parameters (getResourceIdAccountId takes names this way). */
	qs?: IDataObject;
	itemIndex?: number;
}

/** One call with PAM360's `INPUT_DATA` convention; answers `operation` (a `Failed` one is already an error). */
export async function pam360ApiRequest(this: ApiContext, call: Pam360Call): Promise<Pam360Operation> {
	const inputData = call.details ? { INPUT_DATA: JSON.stringify({ operation: { Details: call.details } }) } : undefined;
	const inQuery = call.method === 'GET' || call.method === 'DELETE';
	const response = await pam360Client.request<IDataObject>(this, {
		method: call.method,
		path: `${API}${call.path}`,
		qs: { ...(call.qs ?? {}), ...(inQuery ? inputData : {}) },
		...(!inQuery && inputData ? { body: inputData, form: true } : {}),
		itemIndex: call.itemIndex,
	});
	return operationOf(response.body) ?? {};
}

const PAGE_SIZE = 100;

/** A list call paged with `STARTINDEX` / `LIMIT` inside INPUT_DATA, up to `totalRows`. */
export async function pam360AllItems(
	this: ApiContext,
	call: Pam360Call,
	itemsOf: (operation: Pam360Operation) => IDataObject[],
	limit?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(PAGE_SIZE, limit ?? PAGE_SIZE);
	return await collectPages<IDataObject, number>(
		async (offset = 0) => {
			const operation = await pam360ApiRequest.call(this, { ...call, details: { ...(call.details ?? {}), STARTINDEX: offset, LIMIT: pageSize } });
			const items = itemsOf(operation);
			const total = operation.totalRows === undefined ? undefined : Number(operation.totalRows);
			return { items, next: nextOffset(offset, pageSize, items.length, Number.isFinite(total) ? total : undefined) };
		},
		{ limit },
	);
}

export const resourceRows = (operation: Pam360Operation): IDataObject[] => (Array.isArray(operation.Details) ? (operation.Details as IDataObject[]) : []);

export const accountRows = (operation: Pam360Operation): IDataObject[] => {
	const list = (operation.Details as IDataObject | undefined)?.['ACCOUNT LIST'];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
};
