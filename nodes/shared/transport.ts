import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { vendorApiError } from './errors';
import { credentialSecrets } from './redact';
import type {
	ApiContext,
	Headers,
	RetryPolicy,
	VendorProfile,
	VendorRequest,
	VendorResponse,
} from './types';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 4,
	maxWaitMs: 60_000,
	baseDelayMs: 500,
	timeoutMs: 30_000,
};

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Statuses that say "try again later" without the request having taken effect. */
const THROTTLED = new Set([429, 503]);
/** Statuses after which the request may or may not have taken effect. */
const TRANSIENT = new Set([500, 502, 504]);
/** Failures before anything reached the vendor: any call may be sent again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);
/** Failures after the request may have reached the vendor. */
const LOST_ANSWER_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

interface RawResponse {
	status: number;
	headers: Headers;
	data: unknown;
}

/**
 * What one attempt came to. `lost` means the vendor may have acted without us hearing the outcome (no answer in
 * time, a dropped connection, a 5xx, a malformed reply); `unsent` means it cannot have acted.
 */
type Attempt =
	| { kind: 'answered'; response: RawResponse; body: unknown }
	| { kind: 'lost'; reason: string; response?: RawResponse }
	| { kind: 'unsent'; reason: string }
	| { kind: 'failed'; reason: string };

/** The HTTP status, headers and body of an error the n8n helper threw (it throws only for 401, see below). */
function responseOf(error: unknown): RawResponse | undefined {
	const candidate = error as { cause?: { response?: RawResponse }; response?: RawResponse };
	const response = candidate?.response ?? candidate?.cause?.response;
	return response && typeof response.status === 'number' ? response : undefined;
}

function failureOf(error: unknown, vendor: VendorProfile, timeoutMs: number): Attempt | undefined {
	const e = error as { code?: string; cause?: { code?: string }; message?: string };
	const code = e?.code ?? e?.cause?.code ?? '';
	const message = e?.message ?? '';
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout|timed out/i.test(message)) {
		return { kind: 'lost', reason: `${vendor.name} did not answer within ${Math.ceil(timeoutMs / 1000)} s` };
	}
	if (NOT_SENT_CODES.has(code)) return { kind: 'unsent', reason: `${vendor.name} could not be reached at the credential's URL` };
	if (LOST_ANSWER_CODES.has(code) || /socket hang up|ECONNRESET/i.test(message)) {
		// No error code in the message: n8n swaps messages that name one for a generic text.
		return { kind: 'lost', reason: `${vendor.name} dropped the connection before answering` };
	}
	return undefined;
}

async function secretsOf(ctx: ApiContext, credentialType: string): Promise<string[]> {
	try {
		return credentialSecrets((await ctx.getCredentials(credentialType)) as ICredentialDataDecryptedObject);
	} catch {
		return [];
	}
}

function httpOptions(request: VendorRequest, timeout: number): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: { Accept: 'application/json', ...(request.headers ?? {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		timeout,
		json: true,
		...(request.ignoreSslIssues ? { skipSslCertificateValidation: true } : {}),
	};
	if (request.body !== undefined) {
		options.body = request.body;
		if (request.form) {
			options.json = false;
			options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
		}
	}
	return options;
}

/**
 * One vendor call through n8n's authenticated request helper, with the behaviour every node in this package shares:
 * - vendor errors become `NodeApiError` with the vendor's message, secrets redacted;
 * - throttling (429, 503) is waited out using the vendor's own headers;
 * - every attempt has a timeout, and no attempt or wait runs past `request.deadline`;
 * - a call whose outcome was lost (timeout, dropped connection, 500/502/504, malformed reply) is repeated only when
 *   a repeat is harmless: the call is idempotent, or its `confirm` check says the first attempt did not land.
 *
 * The helper is told to hand back every status except 401, so a 401 still reaches n8n's credential refresh
 * (pre-authentication runs again and the call is replayed once) while everything else is decided here.
 */
export async function vendorRequest<T = IDataObject>(
	this: ApiContext,
	vendor: VendorProfile,
	credentialType: string,
	request: VendorRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<VendorResponse<T>> {
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const deadline = request.deadline ?? Number.POSITIVE_INFINITY;
	const fail = async (details: { statusCode?: number; body?: unknown; message?: string }) =>
		vendorApiError(this.getNode(), {
			vendor,
			itemIndex: request.itemIndex,
			secrets: await secretsOf(this, credentialType),
			...details,
		});
	const outOfTime = async (what: string) =>
		await fail({ message: `${vendor.name} ${what}, and the time allowed for this call ran out` });

	for (let attempt = 0; ; attempt++) {
		const timeout = Math.min(policy.timeoutMs, deadline - Date.now());
		if (timeout <= 0) throw await outOfTime('was not called');
		const outcome = await attemptOnce.call(this, vendor, credentialType, httpOptions(request, timeout), timeout);
		const backoff = policy.baseDelayMs * 2 ** attempt;
		const canRetry = attempt < policy.maxRetries;

		if (outcome.kind === 'failed') throw await fail({ message: outcome.reason });

		if (outcome.kind === 'unsent') {
			if (canRetry && Date.now() + backoff < deadline) {
				await sleep(backoff);
				continue;
			}
			throw await fail({ message: `${outcome.reason} after ${attempt + 1} attempts` });
		}

		if (outcome.kind === 'lost') {
			const statusCode = outcome.response?.status;
			const body = outcome.response ? parseBody(outcome.response.data) : undefined;
			if (canRetry && Date.now() + backoff < deadline) {
				if (idempotent) {
					await sleep(backoff);
					continue;
				}
				if (request.confirm) {
					const confirmation = await request.confirm();
					if (confirmation.landed) {
						return { statusCode: 200, headers: {}, body: confirmation.body as T, confirmed: true };
					}
					await sleep(backoff);
					continue;
				}
			}
			const unsure = idempotent ? '' : '. It may have taken effect: check before repeating it';
			const message = statusCode === undefined || body === MALFORMED ? `${outcome.reason}${unsure}` : undefined;
			throw await fail({ statusCode, body: body === MALFORMED ? undefined : body, message });
		}

		const { response, body } = outcome;
		const { status } = response;
		if (status >= 200 && status < 300) {
			if (vendor.failedBody?.(body, status)) throw await fail({ statusCode: status, body });
			return { statusCode: status, headers: response.headers, body: body as T };
		}

		if (THROTTLED.has(status)) {
			const asked = vendor.retryAfterMs(response.headers, Date.now());
			const wait = asked ?? backoff;
			if (canRetry && wait <= policy.maxWaitMs && Date.now() + wait < deadline) {
				await sleep(wait);
				continue;
			}
			if (status === 429) {
				const resetIn = asked === undefined ? '' : ` The limit resets in ${Math.ceil(asked / 1000)} s.`;
				throw await fail({
					statusCode: status,
					body,
					message: `${vendor.name} rate limit still exceeded after ${attempt + 1} attempts.${resetIn}`,
				});
			}
		}
		throw await fail({ statusCode: status, body });
	}
}

async function attemptOnce(
	this: ApiContext,
	vendor: VendorProfile,
	credentialType: string,
	options: IHttpRequestOptions,
	timeout: number,
): Promise<Attempt> {
	let response: RawResponse;
	try {
		const full = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options)) as IN8nHttpFullResponse;
		response = { status: full.statusCode, headers: full.headers as Headers, data: full.body };
	} catch (error) {
		const failed = responseOf(error);
		if (!failed) {
			return failureOf(error, vendor, timeout) ?? { kind: 'failed', reason: `${vendor.name} request failed: ${(error as Error).message}` };
		}
		response = failed;
	}
	const body = parseBody(response.data);
	if (body === MALFORMED) {
		return { kind: 'lost', reason: `${vendor.name} answered HTTP ${response.status} with a body that is not valid JSON`, response };
	}
	if (TRANSIENT.has(response.status)) return { kind: 'lost', reason: `${vendor.name} answered HTTP ${response.status}`, response };
	return { kind: 'answered', response, body };
}

const MALFORMED = Symbol('malformed body');

/**
 * The HTTP client leaves a body it could not parse as a string. An empty body is fine (204s); text that looks like
 * JSON but does not parse is a truncated or corrupted answer; other text (an HTML error page) is kept for the message.
 */
function parseBody(data: unknown): unknown {
	if (typeof data !== 'string') return data;
	const text = data.trim();
	if (text === '') return {};
	if (!/^[[{"]/.test(text)) return data;
	try {
		return JSON.parse(text);
	} catch {
		return MALFORMED;
	}
}
