import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dryRunResult } from '../../shared/dryRun';
import { collectPages, parseLinkHeader } from '../../shared/paging';
import { resetHeaderMs, retryAfterHeaderMs } from '../../shared/rateLimit';
import { credentialBaseUrl, vendorRequest } from '../../shared/transport';
import type { ApiContext, VendorProfile, VendorRequest, VendorResponse } from '../../shared/types';

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

/** Which credential the node uses; read raw because the parameter is a fixed option, never an expression. */
export function oktaCredentialType(ctx: ApiContext): string {
	return ctx.getNode().parameters.authentication === 'oAuth2' ? 'secOpsOktaOAuth2Api' : 'secOpsOktaApi';
}

export async function oktaOrgUrl(ctx: ApiContext): Promise<string> {
	return await credentialBaseUrl(ctx, oktaCredentialType(ctx), {
		name: 'url',
		label: 'Org URL',
		vendor: 'Okta',
		example: 'https://acme.okta.com',
	});
}

export interface OktaCall {
	method: IHttpRequestMethods;
	/** Path below the org URL, with every dynamic segment already encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** See `VendorRequest`: a write that is safe to repeat, or how to tell whether a lost write landed. */
	idempotent?: boolean;
	confirm?: VendorRequest['confirm'];
	deadline?: number;
	itemIndex?: number;
}

/** One Okta call; the body is an object, or an array the caller casts (list endpoints). */
export async function oktaApiRequest(this: ApiContext, call: OktaCall): Promise<VendorResponse<IDataObject>> {
	const base = await oktaOrgUrl(this);
	return await vendorRequest.call(this, oktaVendor, oktaCredentialType(this), {
		method: call.method,
		url: `${base}${call.path}`,
		qs: call.qs,
		body: call.body,
		idempotent: call.idempotent,
		confirm: call.confirm,
		deadline: call.deadline,
		itemIndex: call.itemIndex,
	}) as VendorResponse<IDataObject>;
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
	const base = await oktaOrgUrl(this);
	const origin = new URL(base).origin;
	const credentialType = oktaCredentialType(this);
	return await collectPages<IDataObject, string>(
		async (nextUrl) => {
			const url = nextUrl ?? `${base}${path}`;
			const response = await vendorRequest.call(this, oktaVendor, credentialType, {
				method: 'GET',
				url,
				qs: nextUrl ? undefined : qs,
				itemIndex,
			});
			const next = parseLinkHeader(response.headers).next;
			const items = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
			return { items, next: next && new URL(next).origin === origin ? next : undefined };
		},
		{ limit },
	);
}

/** What `call` would send, for Dry Run: nothing leaves n8n. */
export async function oktaDryRun(this: ApiContext, call: OktaCall): Promise<IDataObject> {
	const base = await oktaOrgUrl(this);
	return dryRunResult({ method: call.method, url: `${base}${call.path}`, qs: call.qs, body: call.body });
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
	const base = await oktaOrgUrl(this);
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		throw new NodeOperationError(this.getNode(), `The stored Okta cursor "${url.slice(0, 80)}" is not a URL`);
	}
	if (target.origin !== new URL(base).origin) {
		throw new NodeOperationError(this.getNode(), `The stored Okta cursor points outside the org (${target.origin})`, {
			description: 'The credential now points at another org; the trigger restarts from its last published time.',
		});
	}
	return (await vendorRequest.call(this, oktaVendor, oktaCredentialType(this), { method: 'GET', url, deadline })) as VendorResponse<IDataObject>;
}
