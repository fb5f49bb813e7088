import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { visionOneAuth } from '../descriptions/auth.description';
import { vendorClient } from '../../shared/client';
import type { VendorCall } from '../../shared/client';
import { retryAfterHeaderMs } from '../../shared/rateLimit';
import type { ApiContext, VendorProfile, VendorResponse } from '../../shared/types';
import { printable } from '../../shared/validation';

export const visionOneVendor: VendorProfile = {
	name: 'Vision One',
	parseError(body) {
		if (body && typeof body === 'object' && !Array.isArray(body)) {
			const error = (body as IDataObject).error;
			if (error && typeof error === 'object') {
				const e = error as IDataObject;
				const inner = (e.innererror as IDataObject | undefined)?.code;
				return {
					message: typeof e.message === 'string' ? e.message : undefined,
					code: typeof e.code === 'string' ? e.code : undefined,
					details: typeof inner === 'string' ? `Inner error: ${inner}` : undefined,
				};
			}
			// The documented 429 of some tenants is flat: `{"code": "TooManyRequests", "message": …}`.
			const flat = body as IDataObject;
			if (typeof flat.message === 'string') return { message: flat.message, code: typeof flat.code === 'string' ? flat.code : undefined };
		}
		if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 300) };
		return {};
	},
	// Vision One documents no rate-limit headers; a Retry-After from a proxy is honoured, otherwise the transport backs off.
	retryAfterMs: (headers, now) => retryAfterHeaderMs(headers, now),
	hints: {
		403: "The API key's role lacks the permission for this action (Workbench, Response Management, Suspicious Object Management), or the target is outside its management scope.",
		412: 'The record changed since it was read: read it again to get its current ETag.',
	},
	// Response actions answer 207 with `[{status, headers?, body?}]`, one per item, in request order. A failed part's
	// body is the error envelope; an accepted part carries no body, its content is its headers (Operation-Location).
	multiStatusParts(body) {
		if (!Array.isArray(body)) return [];
		return body.map((part) => {
			const p = (part && typeof part === 'object' ? part : {}) as IDataObject;
			const status = typeof p.status === 'number' ? p.status : 0;
			return { status, body: status >= 200 && status < 300 ? p : p.body };
		});
	},
};

/**
 * The base URL a Vision One credential points at: the region's API host (the option's value), or the custom base URL.
 * `/v3.0` is part of every path, as in pytmv1, so the credential holds only the host.
 */
export function visionOneBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.region === 'custom' ? (credentials.url ?? '') : (credentials.region ?? 'https://api.xdr.trendmicro.com'));
}

const client = vendorClient(visionOneVendor, visionOneAuth, {
	name: 'url',
	label: 'Base URL',
	example: 'https://api.xdr.trendmicro.com',
	derive: visionOneBaseUrl,
});

export type VisionOneCall = VendorCall;

/** One Vision One call; the body is an object, or an array the caller casts (207 answers). */
export async function visionOneApiRequest(this: ApiContext, call: VisionOneCall): Promise<VendorResponse<IDataObject>> {
	return await client.request(this, call);
}

export async function visionOneDryRun(this: ApiContext, call: VisionOneCall): Promise<IDataObject> {
	return await client.dryRun(this, call);
}

export async function visionOneBase(this: ApiContext): Promise<string> {
	return await client.baseUrl(this);
}

/**
 * Every item of a Vision One list (`{items, nextLink}`), following `nextLink` on the credential's own origin with
 * the same headers (the `TMV1-Filter` must be re-sent on every page), until the end or `limit`. `onPage` sees each
 * page as it arrives, so a caller keeps what it read when a later page fails.
 */
export async function visionOneListAll(
	this: ApiContext,
	call: VisionOneCall,
	options: { limit?: number; deadline?: number; itemIndex?: number; onPage?: (items: IDataObject[]) => void } = {},
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const seen = new Set<string>();
	let response: VendorResponse<IDataObject> | undefined = await visionOneApiRequest.call(this, { ...call, deadline: options.deadline });
	for (;;) {
		const body: IDataObject = response?.body ?? {};
		const page = (Array.isArray(body.items) ? body.items : []) as IDataObject[];
		options.onPage?.(page);
		items.push(...page);
		if (options.limit !== undefined && items.length >= options.limit) return items.slice(0, options.limit);
		const next: unknown = body.nextLink;
		if (typeof next !== 'string' || next === '' || seen.has(next)) return items;
		seen.add(next);
		// The same headers on every page: Vision One needs the `TMV1-Filter` again.
		response = await client.followLink(this, next, { headers: call.headers, deadline: options.deadline, itemIndex: options.itemIndex ?? call.itemIndex });
		if (!response) {
			// Stopping here would silently return part of the list; a link elsewhere never gets the credential.
			throw new NodeOperationError(this.getNode(), `Vision One's next-page link is not on the credential's base URL, so it was not followed`, {
				itemIndex: options.itemIndex ?? call.itemIndex,
				description: `Set the credential's Region or Base URL to the host Vision One answers from (the link pointed at ${printable(next.split('?')[0])}).`,
			});
		}
	}
}
