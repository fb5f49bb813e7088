import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { header } from '../../shared/rateLimit';
import { visionOneApiRequest } from '../transport';

const quoted = (etag: string) => (/^(W\/)?".*"$/.test(etag) ? etag : `"${etag}"`);

/** The record and its ETag (the `If-Match` value an update needs). */
export async function readWithEtag(this: IExecuteFunctions, path: string, itemIndex: number): Promise<{ record: IDataObject; etag?: string }> {
	const response = await visionOneApiRequest.call(this, { method: 'GET', path, itemIndex });
	return { record: response.body, etag: header(response.headers, 'etag') };
}

/**
 * Reads the record for its ETag, then PATCHes with `If-Match`. When someone changed the record in between (412), it
 * is read once more and the update retried once with the new ETag: the update sets absolute values, so repeating it
 * after a fresh read cannot undo anyone's later work. Returns whether it had to retry.
 */
export async function patchWithEtag(this: IExecuteFunctions, path: string, body: IDataObject, itemIndex: number): Promise<{ retried: boolean }> {
	for (let attempt = 0; ; attempt++) {
		const { etag } = await readWithEtag.call(this, path, itemIndex);
		try {
			await visionOneApiRequest.call(this, { method: 'PATCH', path, body, headers: etag ? { 'If-Match': quoted(etag) } : {}, idempotent: true, itemIndex });
			return { retried: attempt > 0 };
		} catch (error) {
			if (attempt === 0 && error instanceof NodeApiError && error.httpCode === '412') continue;
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
