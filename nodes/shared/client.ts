import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AuthenticationSelector } from './authentication';
import { dryRunResult } from './dryRun';
import { linkOnOrigin } from './paging';
import { vendorRequest } from './transport';
import type { ApiContext, VendorProfile, VendorRequest, VendorResponse } from './types';

/** One call below the credential's base URL: every dynamic path segment already encoded (`pathSegment`). */
export type VendorCall = Omit<VendorRequest, 'url'> & { path: string };

/**
 * The credential field that holds the vendor's base URL, as named in its credential type. A credential type that
 * offers *Ignore SSL Issues* names that boolean field `allowUnauthorizedCerts`, as n8n's own credentials do.
 */
export interface BaseUrlField {
	name: string;
	label: string;
	example: string;
	/**
	 * For vendors whose URL follows from other fields (ConductorOne: the tenant in the client ID): reads the base URL
	 * from the credential, throwing an Error that says what to fix when it cannot.
	 */
	derive?: (credentials: ICredentialDataDecryptedObject) => string;
}

export interface VendorClient {
	credentialType(ctx: ApiContext): string;
	baseUrl(ctx: ApiContext): Promise<string>;
	request<T = IDataObject>(ctx: ApiContext, call: VendorCall): Promise<VendorResponse<T>>;
	/**
	 * GETs an absolute link the vendor handed out (a next page, a task's location), with the headers the first page
	 * needed (Vision One's `TMV1-Filter`). Only links on the credential's own origin are followed, so a tampered or
	 * stored link can never send the credential elsewhere; `undefined` for any other link.
	 */
	followLink<T = IDataObject>(
		ctx: ApiContext,
		link: unknown,
		options?: Pick<VendorRequest, 'deadline' | 'itemIndex' | 'headers'>,
	): Promise<VendorResponse<T> | undefined>;
	/** What `call` would send, for Dry Run: nothing leaves n8n. */
	dryRun(ctx: ApiContext, call: VendorCall): Promise<IDataObject>;
}

/**
 * What every vendor's transport is made of: the credential in use (from the Authentication parameter), the base
 * URL it holds, and calls through the shared `vendorRequest`. A vendor folder adds only what is its own (paging style,
 * response shapes).
 */
export function vendorClient(
	vendor: VendorProfile,
	auth: Pick<AuthenticationSelector, 'credentialType'>,
	baseUrlField: BaseUrlField,
): VendorClient {
	const connection = async (ctx: ApiContext) => {
		const credentials = await ctx.getCredentials(auth.credentialType(ctx));
		const hint = { description: `Set ${baseUrlField.label} in the credential, e.g. ${baseUrlField.example}` };
		let base: string;
		try {
			const raw = baseUrlField.derive ? baseUrlField.derive(credentials) : credentials[baseUrlField.name];
			base = String(raw ?? '').trim().replace(/\/+$/, '');
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), (error as Error).message, hint);
		}
		// Any host (cloud, custom domain, on-prem, the sandbox), but a URL: anything else is a clear error, not a request.
		if (!/^https?:\/\/[^/]+/i.test(base)) {
			throw new NodeOperationError(ctx.getNode(), `The ${vendor.name} credential's ${baseUrlField.label} "${base}" is not a URL`, hint);
		}
		return { base, ignoreSslIssues: credentials.allowUnauthorizedCerts === true };
	};
	const baseUrl = async (ctx: ApiContext) => (await connection(ctx)).base;
	return {
		credentialType: (ctx) => auth.credentialType(ctx),
		baseUrl,
		async request<T>(ctx: ApiContext, { path, ...call }: VendorCall) {
			const { base, ignoreSslIssues } = await connection(ctx);
			return await vendorRequest.call<ApiContext, [VendorProfile, string, VendorRequest], Promise<VendorResponse<T>>>(
				ctx,
				vendor,
				auth.credentialType(ctx),
				{ ignoreSslIssues, ...call, url: `${base}${path}` },
			);
		},
		async followLink<T>(ctx: ApiContext, link: unknown, options: Pick<VendorRequest, 'deadline' | 'itemIndex' | 'headers'> = {}) {
			const { base, ignoreSslIssues } = await connection(ctx);
			const url = linkOnOrigin(link, base);
			if (!url) return undefined;
			return await vendorRequest.call<ApiContext, [VendorProfile, string, VendorRequest], Promise<VendorResponse<T>>>(
				ctx,
				vendor,
				auth.credentialType(ctx),
				{ method: 'GET', url, ignoreSslIssues, ...options },
			);
		},
		async dryRun(ctx, { path, ...call }) {
			return dryRunResult({ ...call, url: `${await baseUrl(ctx)}${path}` });
		},
	};
}
