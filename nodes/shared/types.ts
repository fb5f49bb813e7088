import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every n8n context a vendor request can be made from. */
export type ApiContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export type Headers = Record<string, string | string[] | undefined>;

/** What a vendor folder tells the shared transport about its API. */
export interface VendorProfile {
	/** Shown in messages, e.g. "Okta". */
	name: string;
	/** The vendor's own message and code from an error body (any shape, possibly not JSON). */
	parseError(body: unknown): { message?: string; code?: string; details?: string };
	/** Milliseconds to wait before retrying a throttled call, read from the vendor's headers. */
	retryAfterMs(headers: Headers, now: number): number | undefined;
	/** A fix hint per HTTP status, appended to the error description. */
	hints?: Partial<Record<number, string>>;
	/**
	 * Whether a 2xx answer's body reports a failure (PAM360 answers 200 with `operation.result.status: "Failed"`).
	 * Such an answer becomes a `NodeApiError` with the message `parseError` reads from the body.
	 */
	failedBody?(body: unknown, status: number): boolean;
	/** The parts of a multi-status (207) answer, in request order, each with its own status and body (Vision One). */
	multiStatusParts?(body: unknown): Array<{ status: number; body: unknown }>;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Absolute URL: vendors build it from the credential's base URL. */
	url: string;
	qs?: IDataObject;
	/** JSON (default), form fields (`form`), or raw bytes sent with the caller's Content-Type (file uploads). */
	body?: IDataObject | IDataObject[] | string | Buffer;
	headers?: IDataObject;
	/** Form-encode the body instead of JSON. */
	form?: boolean;
	/**
	 * Whether repeating the call cannot cause a second effect. Defaults to true for GET, HEAD, PUT and DELETE.
	 * Only idempotent calls (or calls with `confirm`) are repeated after their outcome was lost.
	 */
	idempotent?: boolean;
	/**
	 * For a write that is not idempotent: asked after its outcome was lost (no answer in time, a dropped connection,
	 * 500/502/504, a malformed reply) whether it took effect, by reading the vendor's state. `landed` ends the call
	 * with that body; `landed: false` lets the write be sent again. Without it such a write is never repeated.
	 */
	confirm?: () => Promise<Confirmation>;
	/** Epoch ms: no attempt starts and no wait runs past it; each attempt's timeout is capped by the time left. */
	deadline?: number;
	/** Whether to accept a self-signed or otherwise invalid TLS certificate (on-prem installs; the credential says so). */
	ignoreSslIssues?: boolean;
	itemIndex?: number;
}

export type Confirmation = { landed: true; body?: unknown } | { landed: false };

export interface VendorResponse<T = unknown> {
	statusCode: number;
	headers: Headers;
	body: T;
	/** The answer was lost and `confirm` found the write had landed; `body` is what it read. */
	confirmed?: boolean;
}

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** The longest single wait we accept; a vendor asking for more fails fast with a clear message. */
	maxWaitMs: number;
	/** First backoff step for 5xx and dropped connections; doubles each retry. */
	baseDelayMs: number;
	/** The longest one attempt may wait for an answer. */
	timeoutMs: number;
}
