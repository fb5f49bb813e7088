import type { IDataObject } from 'n8n-workflow';

import type { AuthenticationSelector } from './authentication';
import { dryRunResult } from './dryRun';
import { linkOnOrigin } from './paging';
import { credentialBaseUrl, vendorRequest } from './transport';
import type { ApiContext, VendorProfile, VendorRequest, VendorResponse } from './types';

/** One call below the credential's base URL: every dynamic path segment already encoded (`pathSegment`). */
export type VendorCall = Omit<VendorRequest, 'url'> & { path: string };

/** The credential field that holds the vendor's base URL, as named in its credential type. */
export interface BaseUrlField {
	name: string;
	label: string;
	example: string;
}

export interface VendorClient {
	credentialType(ctx: ApiContext): string;
	baseUrl(ctx: ApiContext): Promise<string>;
	request<T = IDataObject>(ctx: ApiContext, call: VendorCall): Promise<VendorResponse<T>>;
	/**
	 * GETs an absolute link the vendor handed out (a next page, a task's location). Only links on the credential's
	 * own origin are followed, so a tampered or stored link can never send the credential elsewhere; `undefined`
	 * for any other link.
	 */
	followLink<T = IDataObject>(ctx: ApiContext, link: unknown, options?: Pick<VendorRequest, 'deadline' | 'itemIndex'>): Promise<VendorResponse<T> | undefined>;
	/** What `call` would send, for Dry Run: nothing leaves n8n. */
	dryRun(ctx: ApiContext, call: VendorCall): Promise<IDataObject>;
}

/**
 * What every vendor's transport is made of: the credential in use (from the Authentication parameter), the base
 * URL it holds, and calls through the shared `vendorRequest`. A vendor folder adds only what is its own (paging style,
 * response shapes).
 */
export function vendorClient(vendor: VendorProfile, auth: AuthenticationSelector, baseUrlField: BaseUrlField): VendorClient {
	const baseUrl = async (ctx: ApiContext) => await credentialBaseUrl(ctx, auth.credentialType(ctx), { ...baseUrlField, vendor: vendor.name });
	return {
		credentialType: (ctx) => auth.credentialType(ctx),
		baseUrl,
		async request<T>(ctx: ApiContext, { path, ...call }: VendorCall) {
			const url = `${await baseUrl(ctx)}${path}`;
			return await vendorRequest.call<ApiContext, [VendorProfile, string, VendorRequest], Promise<VendorResponse<T>>>(
				ctx,
				vendor,
				auth.credentialType(ctx),
				{ ...call, url },
			);
		},
		async followLink<T>(ctx: ApiContext, link: unknown, options: Pick<VendorRequest, 'deadline' | 'itemIndex'> = {}) {
			const url = linkOnOrigin(link, await baseUrl(ctx));
			if (!url) return undefined;
			return await vendorRequest.call<ApiContext, [VendorProfile, string, VendorRequest], Promise<VendorResponse<T>>>(
				ctx,
				vendor,
				auth.credentialType(ctx),
				{ method: 'GET', url, ...options },
			);
		},
		async dryRun(ctx, { path, ...call }) {
			return dryRunResult({ ...call, url: `${await baseUrl(ctx)}${path}` });
		},
	};
}
