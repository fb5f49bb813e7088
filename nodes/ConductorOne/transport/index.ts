import type { IDataObject } from 'n8n-workflow';

import { conductorOneAuth } from '../descriptions/auth.description';
import { collectPages, nextToken } from '../../shared/paging';
import { retryAfterHeaderMs } from '../../shared/rateLimit';
import { vendorClient } from '../../shared/client';
import type { VendorCall } from '../../shared/client';
import type { ApiContext, VendorProfile, VendorResponse } from '../../shared/types';
import { withExpanded } from '../helpers/expand';
import { tenantUrl } from './tenant';

/** gRPC status codes in `google.rpc.Status` bodies, by name, for messages. */
const GRPC_CODES: Record<number, string> = {
	1: 'CANCELLED', 2: 'UNKNOWN', 3: 'INVALID_ARGUMENT', 4: 'DEADLINE_EXCEEDED', 5: 'NOT_FOUND', 6: 'ALREADY_EXISTS', 7: 'PERMISSION_DENIED',
	8: 'RESOURCE_EXHAUSTED', 9: 'FAILED_PRECONDITION', 10: 'ABORTED', 12: 'UNIMPLEMENTED', 13: 'INTERNAL', 14: 'UNAVAILABLE', 16: 'UNAUTHENTICATED',
};

export const conductorOneVendor: VendorProfile = {
	name: 'ConductorOne',
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as IDataObject;
			// API errors are google.rpc.Status; the token endpoint answers RFC 6749 errors.
			if (typeof b.message === 'string') {
				return { message: b.message, code: typeof b.code === 'number' ? (GRPC_CODES[b.code] ?? String(b.code)) : undefined };
			}
			if (typeof b.error === 'string') return { message: (b.error_description as string) ?? b.error, code: b.error };
		}
		if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 300) };
		return {};
	},
	retryAfterMs: (headers, now) => retryAfterHeaderMs(headers, now),
	hints: {
		400: 'ConductorOne refused the request: check the IDs (app, entitlement, user) and the task’s state.',
		403: 'The API key’s role does not allow this action; give the key a role with the permission, or use a full-scope key.',
		404: 'Nothing with that ID exists in the tenant; look it up with a Search or Get Many operation first.',
	},
};

/** One call below the tenant URL; dynamic path segments already encoded (`pathSegment`). */
export type ConductorOneCall = VendorCall;

/** The tenant URL: the credential's override, or the tenant named in the client ID. */
export const conductorOneClient = vendorClient(conductorOneVendor, conductorOneAuth, {
	name: 'tenantUrl',
	label: 'Tenant URL',
	example: 'https://acme.conductor.one (or a client ID such as name@acme.conductor.one/pcc)',
	derive: (credentials) => tenantUrl(credentials.clientId, credentials.tenantUrl),
});

export async function conductorOneApiRequest(this: ApiContext, call: ConductorOneCall): Promise<VendorResponse<IDataObject>> {
	return await conductorOneClient.request(this, call);
}

/** What `call` would send, for Dry Run: nothing leaves n8n. */
export async function conductorOneDryRun(this: ApiContext, call: ConductorOneCall): Promise<IDataObject> {
	return await conductorOneClient.dryRun(this, call);
}

/** ConductorOne pages at most 100 records (and at least 10). */
const pageSizeFor = (limit: number | undefined) => Math.max(10, Math.min(limit ?? 100, 100));

/**
 * Every record of a list (GET, `page_size`/`page_token` query) or search (POST, `pageSize`/`pageToken` body), up to
 * `limit`, each view with its expanded objects in place. Searches only read, so a lost answer is asked again.
 */
export async function conductorOneAllItems(
	this: ApiContext,
	call: ConductorOneCall,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const size = pageSizeFor(limit);
	return await collectPages<IDataObject, string>(
		async (token) => {
			const paged: ConductorOneCall =
				call.method === 'GET'
					? { ...call, qs: { ...(call.qs ?? {}), page_size: size, ...(token ? { page_token: token } : {}) } }
					: { ...call, idempotent: true, body: { ...((call.body as IDataObject) ?? {}), pageSize: size, ...(token ? { pageToken: token } : {}) } };
			const { body } = await conductorOneApiRequest.call(this, paged);
			// `…Path` pointers index this page's `expanded[]`, so they are resolved page by page.
			const items = ((body.list as IDataObject[] | undefined) ?? []).map((view) => withExpanded(view, body.expanded));
			return { items, next: nextToken(body.nextPageToken) };
		},
		{ limit },
	);
}
