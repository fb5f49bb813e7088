import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, nextOffset } from '../../shared/paging';
import { header, resetHeaderMs, retryAfterHeaderMs } from '../../shared/rateLimit';
import { credentialBaseUrl, vendorRequest } from '../../shared/transport';
import type { ApiContext, VendorProfile, VendorRequest, VendorResponse } from '../../shared/types';

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

/** Which credential the node uses; read raw because the parameter is a fixed option, never an expression. */
export function serviceNowCredentialType(ctx: ApiContext): string {
	const kind = ctx.getNode().parameters.authentication === 'oAuth2' ? 'OAuth2' : '';
	return `secOpsServiceNow${kind}Api`;
}

export async function serviceNowInstanceUrl(ctx: ApiContext): Promise<string> {
	return await credentialBaseUrl(ctx, serviceNowCredentialType(ctx), {
		name: 'instanceUrl',
		label: 'Instance URL',
		vendor: 'ServiceNow',
		example: 'https://acme.service-now.com',
	});
}

export interface ServiceNowCall {
	method: IHttpRequestMethods;
	/** Path below the instance URL, every dynamic segment already encoded with `pathSegment`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer;
	headers?: IDataObject;
	idempotent?: boolean;
	/** See `VendorRequest`: how to tell whether a lost write landed. */
	confirm?: VendorRequest['confirm'];
	deadline?: number;
	itemIndex?: number;
}

export async function serviceNowApiRequest(this: ApiContext, call: ServiceNowCall): Promise<VendorResponse<IDataObject>> {
	const base = await serviceNowInstanceUrl(this);
	return (await vendorRequest.call(this, serviceNowVendor, serviceNowCredentialType(this), {
		method: call.method,
		url: `${base}${call.path}`,
		qs: call.qs,
		body: call.body,
		headers: call.headers,
		idempotent: call.idempotent,
		confirm: call.confirm,
		deadline: call.deadline,
		itemIndex: call.itemIndex,
	})) as VendorResponse<IDataObject>;
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
