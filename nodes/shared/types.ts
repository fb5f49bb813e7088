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
	 * Only idempotent calls are retried after a 5xx or a dropped connection.
	 */
	idempotent?: boolean;
	itemIndex?: number;
}

export interface VendorResponse<T = unknown> {
	statusCode: number;
	headers: Headers;
	body: T;
}

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** The longest single wait we accept; a vendor asking for more fails fast with a clear message. */
	maxWaitMs: number;
	/** First backoff step for 5xx and dropped connections; doubles each retry. */
	baseDelayMs: number;
}
