import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redactText, redactValue } from './redact';
import type { VendorProfile } from './types';

const STATUS_HINTS: Record<number, string> = {
	400: 'Check the values sent for this item against the field descriptions.',
	401: 'Check the credential: the token may be wrong, expired or revoked.',
	403: 'The credential is valid but lacks permission (scope or admin role) for this action.',
	404: 'Check the ID or name: the record does not exist or the credential cannot see it.',
	409: 'The record changed or already exists; fetch it again before retrying.',
	429: 'The vendor rate limit was reached; lower the batch size or add a Wait node.',
};

interface ApiErrorInput {
	vendor: VendorProfile;
	statusCode?: number;
	body?: unknown;
	/** Our own summary when there is no vendor body (network failures, exhausted retries). */
	message?: string;
	itemIndex?: number;
	secrets?: string[];
}

/**
 * A `NodeApiError` that carries the vendor's own message and code. Built from a plain object rather than the
 * HTTP client's error, so request headers (and with them credentials) never reach the execution log.
 */
export function vendorApiError(node: INode, input: ApiErrorInput): NodeApiError {
	const { vendor, statusCode, secrets = [] } = input;
	const parsed = input.body === undefined ? {} : vendor.parseError(input.body);
	const vendorMessage = parsed.message ? redactText(parsed.message, secrets) : undefined;
	const summary =
		input.message ?? (vendorMessage ? `${vendor.name}: ${vendorMessage}` : `${vendor.name} returned HTTP ${statusCode}`);
	const hint = (statusCode && (vendor.hints?.[statusCode] ?? STATUS_HINTS[statusCode])) || undefined;
	const details = parsed.details ? redactText(parsed.details, secrets) : undefined;
	const description = [details, hint].filter(Boolean).join(' ') || undefined;
	const errorObject: JsonObject = {
		message: redactText(summary, secrets),
		...(statusCode ? { httpCode: String(statusCode) } : {}),
		...(parsed.code ? { code: parsed.code } : {}),
		...(input.body !== undefined ? { body: redactValue(input.body, secrets) as JsonObject } : {}),
	};
	const message = redactText(summary, secrets);
	const error = new NodeApiError(node, errorObject, {
		message,
		description,
		httpCode: statusCode ? String(statusCode) : undefined,
		itemIndex: input.itemIndex,
	});
	// n8n swaps any message that merely contains an errno name ("EACCES" inside "CreateAccessReview") for its generic
	// network text. A vendor that answered is not a network failure: its own words stay.
	if (statusCode) error.message = message;
	return error;
}
