import type { IDataObject } from 'n8n-workflow';

import type { VendorRequest } from './types';

/** What a mutating operation would send, returned instead of sending it when Dry Run is on. */
export function dryRunResult(request: VendorRequest): IDataObject {
	const url = new URL(request.url);
	for (const [key, value] of Object.entries(request.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
	}
	return {
		dryRun: true,
		method: request.method,
		url: url.toString(),
		...(request.body !== undefined ? { body: request.body as IDataObject } : {}),
	};
}
