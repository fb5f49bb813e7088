import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

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

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, maxWaitMs: 60_000, baseDelayMs: 500 };

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Statuses that say "try again later" without the request having taken effect. */
const THROTTLED = new Set([429, 503]);
/** Statuses after which an idempotent call may be repeated. */
const TRANSIENT = new Set([500, 502, 504]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN']);

interface FailedResponse {
	status: number;
	headers: Headers;
	data: unknown;
}

/** The HTTP status, headers and body of an error the n8n helper threw (it throws only for 401, see below). */
function responseOf(error: unknown): FailedResponse | undefined {
	const candidate = error as { cause?: { response?: FailedResponse }; response?: FailedResponse };
	const response = candidate?.response ?? candidate?.cause?.response;
	return response && typeof response.status === 'number' ? response : undefined;
}

function networkCode(error: unknown): string | undefined {
	const e = error as { code?: string; cause?: { code?: string }; message?: string };
	const code = e?.code ?? e?.cause?.code;
	if (code && NETWORK_CODES.has(code)) return code;
	if (/socket hang up|ECONNRESET|timeout/i.test(e?.message ?? '')) return 'ECONNRESET';
	return undefined;
}

async function secretsOf(ctx: ApiContext, credentialType: string): Promise<string[]> {
	try {
		return credentialSecrets((await ctx.getCredentials(credentialType)) as ICredentialDataDecryptedObject);
	} catch {
		return [];
	}
}

/**
 * One vendor call through n8n's authenticated request helper, with the behaviour every node in this package shares:
 * vendor errors become `NodeApiError` with the vendor's message; throttling is waited out using the vendor's own
 * headers; 5xx and dropped connections are retried for idempotent calls only; secrets are redacted from errors.
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
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: { Accept: 'application/json', ...(request.headers ?? {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};
	if (request.body !== undefined) {
		options.body = request.body;
		if (request.form) {
			options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
		} else {
			options.json = true;
		}
	} else {
		options.json = true;
	}

	const fail = async (details: { statusCode?: number; body?: unknown; message?: string }) =>
		vendorApiError(this.getNode(), {
			vendor,
			itemIndex: request.itemIndex,
			secrets: await secretsOf(this, credentialType),
			...details,
		});

	for (let attempt = 0; ; attempt++) {
		let response: FailedResponse;
		try {
			const full = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				{ ...options },
			)) as IN8nHttpFullResponse;
			response = { status: full.statusCode, headers: full.headers as Headers, data: full.body };
		} catch (error) {
			const failed = responseOf(error);
			if (failed) {
				response = failed;
			} else {
				const code = networkCode(error);
				if (code && idempotent && attempt < policy.maxRetries) {
					await sleep(policy.baseDelayMs * 2 ** attempt);
					continue;
				}
				throw await fail({
					message: code
						? `${vendor.name} could not be reached (${code})${idempotent ? ` after ${attempt + 1} attempts` : ''}`
						: `${vendor.name} request failed: ${(error as Error).message}`,
				});
			}
		}

		const { status } = response;
		const body = parseBody(response.data);
		const malformed = body === MALFORMED;
		if (status >= 200 && status < 300 && !malformed) {
			return { statusCode: status, headers: response.headers, body: body as T };
		}
		if (malformed && idempotent && attempt < policy.maxRetries) {
			await sleep(policy.baseDelayMs * 2 ** attempt);
			continue;
		}
		if (malformed) {
			throw await fail({
				statusCode: status,
				message: `${vendor.name} answered HTTP ${status} with a body that is not valid JSON`,
			});
		}

		const retryable = THROTTLED.has(status) || (idempotent && TRANSIENT.has(status));
		if (retryable) {
			const asked = vendor.retryAfterMs(response.headers, Date.now());
			const wait = asked ?? policy.baseDelayMs * 2 ** attempt;
			if (attempt < policy.maxRetries && wait <= policy.maxWaitMs) {
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

/**
 * The base URL a vendor credential holds (any host: cloud, custom domain, on-prem, the sandbox), without trailing
 * slashes; a value that is not an http(s) URL is a clear error instead of a request to a wrong place.
 */
export async function credentialBaseUrl(
	ctx: ApiContext,
	credentialType: string,
	field: { name: string; label: string; vendor: string; example: string },
): Promise<string> {
	const credentials = await ctx.getCredentials(credentialType);
	const base = String(credentials[field.name] ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]+/i.test(base)) {
		throw new NodeOperationError(ctx.getNode(), `The ${field.vendor} credential's ${field.label} "${base}" is not a URL`, {
			description: `Set ${field.label} in the credential, e.g. ${field.example}`,
		});
	}
	return base;
}
