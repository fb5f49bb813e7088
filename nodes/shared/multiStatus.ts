import type { VendorProfile } from './types';

export interface PartResult {
	/** The part's index in the request, so each result pairs with the account or host it was for. */
	index: number;
	ok: boolean;
	status: number;
	body: unknown;
	/** The vendor's own message and code for a failed part. */
	error?: { message: string; code?: string };
}

/**
 * One result per part of a multi-status (207) answer. A failed part is reported next to the others instead of
 * failing the whole call, so two good accounts and one unknown give two successes and one clear error.
 */
export function multiStatusResults(vendor: VendorProfile, body: unknown): PartResult[] {
	const parts = vendor.multiStatusParts?.(body) ?? [];
	return parts.map(({ status, body: partBody }, index) => {
		const ok = status >= 200 && status < 300 && !vendor.failedBody?.(partBody, status);
		if (ok) return { index, ok, status, body: partBody };
		const parsed = vendor.parseError(partBody);
		return {
			index,
			ok,
			status,
			body: partBody,
			error: { message: parsed.message ?? `${vendor.name} answered HTTP ${status} for this part`, ...(parsed.code ? { code: parsed.code } : {}) },
		};
	});
}
