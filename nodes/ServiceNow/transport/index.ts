import type { IDataObject } from 'n8n-workflow';

import { collectPages, nextOffset } from '../../shared/paging';
import { serviceNowAuth } from '../descriptions/auth.description';
import { header, resetHeaderMs, retryAfterHeaderMs } from '../../shared/rateLimit';
import { vendorClient } from '../../shared/client';
import type { VendorCall } from '../../shared/client';
import type { ApiContext, VendorProfile, VendorResponse } from '../../shared/types';

export const serviceNowVendor: VendorProfile = {
	name: 'ServiceNow',
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as IDataObject;
			// Table and Attachment APIs: {"error":{"message","detail"},"status":"failure"}
			if (b.error && typeof b.error === 'object') {
				const error = b.error as IDataObject;
				return {
					message: typeof error.message === 'string' ? error.message : undefined,
					details: typeof error.detail === 'string' ? error.detail.trim() : undefined,
				};
			}
			// The OAuth token endpoint answers RFC 6749 errors.
			if (typeof b.error === 'string') return { message: (b.error_description as string) ?? b.error, code: b.error };
		}
		if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 300) };
		return {};
	},
	// A 429 carries `Retry-After` (seconds); `X-RateLimit-Reset` (epoch seconds) is the fallback.
	retryAfterMs: (headers, now) => retryAfterHeaderMs(headers, now) ?? resetHeaderMs(headers, now, 'x-ratelimit-reset'),
	hints: {
		401: 'Check the credential: user name and password, or the OAuth client, and that the user is not locked out.',
		403: 'ServiceNow refused the change: an ACL, a data policy or a business rule blocks it, or the user lacks the itil role.',
		404: 'Check the sys_id, number or table name: the record does not exist or an ACL hides it from this user.',
	},
};

export const serviceNowClient = vendorClient(serviceNowVendor, serviceNowAuth, {
	name: 'instanceUrl',
	label: 'Instance URL',
	example: 'https://acme.service-now.com',
});

export type ServiceNowCall = VendorCall;

export async function serviceNowApiRequest(this: ApiContext, call: ServiceNowCall): Promise<VendorResponse<IDataObject>> {
	return await serviceNowClient.request(this, call);
}

/** The `result` of a Table/Attachment API answer (an object for one record, an array for lists). */
export function resultOf<T = IDataObject>(response: VendorResponse<IDataObject>): T {
	return (response.body?.result ?? (Array.isArray(response.body) ? response.body : {})) as T;
}

const PAGE_SIZE = 100;

/**
 * Offset paging (`sysparm_offset` / `sysparm_limit`), always with an explicit limit because ServiceNow's default
 * is 10000 rows. Stops at a short page or at `X-Total-Count`. The query should end in an ORDERBY so pages are stable.
 */
export async function serviceNowApiRequestAllItems(
	this: ApiContext,
	path: string,
	qs: IDataObject,
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(PAGE_SIZE, limit ?? PAGE_SIZE);
	return await collectPages<IDataObject, number>(
		async (offset = 0) => {
			const response = await serviceNowApiRequest.call(this, {
				method: 'GET',
				path,
				qs: { ...qs, sysparm_limit: pageSize, sysparm_offset: offset },
				itemIndex,
			});
			const items = resultOf<IDataObject[]>(response);
			const totalHeader = header(response.headers, 'x-total-count');
			const total = totalHeader === undefined ? undefined : Number(totalHeader);
			return { items, next: nextOffset(offset, pageSize, items.length, total) };
		},
		{ limit },
	);
}
