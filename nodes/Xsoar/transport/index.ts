import type { IDataObject } from 'n8n-workflow';

import { vendorClient } from '../../shared/client';
import type { VendorCall } from '../../shared/client';
import { retryAfterHeaderMs } from '../../shared/rateLimit';
import type { ApiContext, VendorProfile, VendorResponse } from '../../shared/types';
import { xsoarAuth } from '../descriptions/auth.description';

export const xsoarVendor: VendorProfile = {
	name: 'Cortex XSOAR',
	parseError(body) {
		if (body && typeof body === 'object') {
			const b = body as IDataObject;
			// XSOAR 8 (Cortex platform): {"reply":{"err_code":401,"err_msg":"Public API request unauthorized","err_extra":null}}
			if (b.reply && typeof b.reply === 'object') {
				const reply = b.reply as IDataObject;
				return {
					message: typeof reply.err_msg === 'string' ? reply.err_msg : undefined,
					code: reply.err_code === undefined ? undefined : String(reply.err_code),
					details: typeof reply.err_extra === 'string' ? reply.err_extra : undefined,
				};
			}
			// XSOAR server: {"id":"forbidden","status":403,"title":"Forbidden","detail":"…","error":"…"}
			if (typeof b.detail === 'string' || typeof b.title === 'string') {
				const detail = typeof b.detail === 'string' && b.detail ? b.detail : String(b.title);
				const error = typeof b.error === 'string' && b.error !== detail ? b.error : undefined;
				return { message: detail, code: typeof b.id === 'string' ? b.id : undefined, details: error };
			}
		}
		if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 300) };
		return {};
	},
	retryAfterMs: (headers, now) => retryAfterHeaderMs(headers, now),
	hints: {
		401: 'XSOAR 8 refused the key: check the API key, the API key ID and the key type (a standard key set as advanced, or the reverse, is refused).',
		403: 'XSOAR 6 answers "Issue with CSRF code" when the API key is wrong or missing: check the credential. Otherwise the key\'s user lacks a role for this action.',
		412: 'The investigation is closed: reopen the incident (Incident › Reopen) before adding entries.',
	},
};

export const xsoarClient = vendorClient(xsoarVendor, xsoarAuth, {
	name: 'url',
	label: 'URL',
	example: 'https://xsoar.acme.com (XSOAR 6) or https://api-acme.xdr.us.paloaltonetworks.com (XSOAR 8)',
});

/**
 * Which XSOAR 8 path set a call uses: the public API (`/xsoar/public/v1`) documents creating and searching incidents;
 * everything else (close, investigate, entries, users, roles) is reached through the web-app prefix `/xsoar`, as
 * demisto-py does. XSOAR 6 serves both at the root.
 */
export type Surface = 'public' | 'web';

export type XsoarCall = VendorCall & { surface?: Surface };

export async function xsoarVersion(ctx: ApiContext): Promise<'6' | '8'> {
	const credentials = await ctx.getCredentials(xsoarAuth.credentialType(ctx));
	return credentials.version === '8' ? '8' : '6';
}

export async function xsoarPath(ctx: ApiContext, path: string, surface: Surface = 'web'): Promise<string> {
	if ((await xsoarVersion(ctx)) === '6') return path;
	return `${surface === 'public' ? '/xsoar/public/v1' : '/xsoar'}${path}`;
}

export async function xsoarApiRequest(this: ApiContext, { surface, path, ...call }: XsoarCall): Promise<VendorResponse<IDataObject>> {
	return await xsoarClient.request(this, { ...call, path: await xsoarPath(this, path, surface) });
}

export async function xsoarDryRun(this: ApiContext, { surface, path, ...call }: XsoarCall): Promise<IDataObject> {
	return await xsoarClient.dryRun(this, { ...call, path: await xsoarPath(this, path, surface) });
}
