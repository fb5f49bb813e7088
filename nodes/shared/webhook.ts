import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Constant-time comparison of a shared secret a vendor sends in a header. Both sides are hashed first so the
 * comparison takes the same time whatever the lengths (timingSafeEqual needs equal-length buffers).
 */
export function secretMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || expected === '') return false;
	const a = createHash('sha256').update(received).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/**
 * Whether `signature` is the HMAC of the exact request bytes under `secret` (hex or base64, as the vendor sends it,
 * with or without a `sha256=` prefix), compared in constant time.
 */
export function hmacMatches(
	body: Buffer | undefined,
	secret: string,
	signature: unknown,
	options: { algorithm?: 'sha256' | 'sha1'; encoding?: 'hex' | 'base64' } = {},
): boolean {
	if (!body || secret === '' || typeof signature !== 'string') return false;
	const algorithm = options.algorithm ?? 'sha256';
	const expected = createHmac(algorithm, secret).update(body).digest(options.encoding ?? 'hex');
	return secretMatches(signature.replace(new RegExp(`^${algorithm}=`), ''), expected);
}

/** The size of the request body n8n received, in bytes (its raw bytes when n8n kept them). */
export function requestBodySize(ctx: IWebhookFunctions): number {
	const raw = (ctx.getRequestObject() as { rawBody?: Buffer }).rawBody;
	return raw?.length ?? Buffer.byteLength(JSON.stringify(ctx.getBodyData() ?? {}));
}

/**
 * Writes the webhook's answer itself: for a node that declares no response data, n8n's on-received default would
 * send the literal text "firstEntryJson". Spread the result and add `workflowData` to start the workflow.
 */
export function webhookAnswer(ctx: IWebhookFunctions, status: number, body?: IDataObject): IWebhookResponseData {
	const res = ctx.getResponseObject();
	if (body) res.status(status).json(body);
	else res.status(status).end();
	return { noWebhookResponse: true };
}
