import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { oktaAuth } from '../descriptions/auth.description';
import { collectPages, parseLinkHeader } from '../../shared/paging';
import { resetHeaderMs, retryAfterHeaderMs } from '../../shared/rateLimit';
import { vendorClient } from '../../shared/client';
import type { VendorCall } from '../../shared/client';
import type { ApiContext, VendorProfile, VendorResponse } from '../../shared/types';

export const oktaVendor: VendorProfile = {
	name: 'Okta',
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as IDataObject;
			if (typeof b.errorSummary === 'string') {
				const causes = ((b.errorCauses as IDataObject[] | undefined) ?? [])
					.map((c) => c.errorSummary)
					.filter((s): s is string => typeof s === 'string');
				return { message: b.errorSummary, code: b.errorCode as string, details: causes.join('; ') || undefined };
			}
			// The OAuth token endpoint answers RFC 6749 errors.
			if (typeof b.error === 'string') {
				return { message: (b.error_description as string) ?? b.error, code: b.error };
			}
		}
		if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 300) };
		return {};
	},
	// Okta sends `X-Rate-Limit-Reset` (epoch seconds) and never `Retry-After`; honour either.
	retryAfterMs: (headers, now) => resetHeaderMs(headers, now) ?? retryAfterHeaderMs(headers, now),
	hints: {
		403: 'Okta refused the action: the user may be in a status that does not allow it (E0000038), or the credential lacks the admin role or scope.',
	},
};

export const oktaClient = vendorClient(oktaVendor, oktaAuth, { name: 'url', label: 'Org URL', example: 'https://acme.okta.com' });

export type OktaCall = VendorCall;

/** One Okta call; the body is an object, or an array the caller casts (list endpoints). */
export async function oktaApiRequest(this: ApiContext, call: OktaCall): Promise<VendorResponse<IDataObject>> {
	return await oktaClient.request(this, call);
}

/**
 * Follows Okta's `Link: rel="next"` until the end or `limit`. Next links are only followed on the org's own origin,
 * so a tampered header can never send the credential elsewhere.
 */
export async function oktaApiRequestAllItems(
	this: ApiContext,
	path: string,
	qs: IDataObject,
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>(
		async (nextUrl) => {
			const response = nextUrl
				? await oktaClient.followLink(this, nextUrl, { itemIndex })
				: await oktaApiRequest.call(this, { method: 'GET', path, qs, itemIndex });
			const items = Array.isArray(response?.body) ? (response.body as unknown as IDataObject[]) : [];
			return { items, next: response ? parseLinkHeader(response.headers).next : undefined };
		},
		{ limit },
	);
}

/** What `call` would send, for Dry Run: nothing leaves n8n. */
export async function oktaDryRun(this: ApiContext, call: OktaCall): Promise<IDataObject> {
	return await oktaClient.dryRun(this, call);
}

/** Okta's own error code (`E0000038`…) from an error our transport raised, if it carries one. */
export function oktaErrorCode(error: unknown): string | undefined {
	const response = (error as { errorResponse?: IDataObject })?.errorResponse;
	return typeof response?.code === 'string' ? response.code : undefined;
}

/**
 * GET an absolute URL Okta handed out (a `Link: rel="next"` cursor). Only URLs on the org's own origin are followed,
 * so a stored or tampered link can never send the credential elsewhere.
 */
export async function oktaGetLink(this: ApiContext, url: string, deadline?: number): Promise<VendorResponse<IDataObject>> {
	const response = await oktaClient.followLink(this, url, { deadline });
	if (!response) {
		throw new NodeOperationError(this.getNode(), `The stored Okta cursor "${url.slice(0, 80)}" is not a URL of the org`, {
			description: 'The credential now points at another org; the trigger restarts from its last published time.',
		});
	}
	return response;
}
