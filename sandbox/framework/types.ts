/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import type { IncomingHttpHeaders } from 'node:http';
import type { ZodTypeAny } from 'zod';

import type { Clock } from './clock';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SandboxRequest {
	method: string;
	/** Path below the vendor prefix, e.g. `/api/v1/users`. */
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Parsed JSON or form body (validated by the route's schema when it has one). */
	body: unknown;
	/** The body's exact bytes (binary uploads). */
	rawBody: Buffer;
	/** The body decoded as UTF-8, as `body` was parsed from. */
	bodyText: string;
	/** Whether a non-empty body sent as JSON (or without a content type) does not parse; `body` is then the raw text. */
	malformedJson: boolean;
	/** Who the credential acts as (a user or client ID), set by the vendor's `authenticate`. */
	principal?: string;
	/** Base URL of this vendor on the sandbox, for building `Link` headers. */
	baseUrl: string;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string | string[]>;
	body?: unknown;
}

export interface Route<S> {
	method: string;
	/** Express-style pattern: `/api/v1/users/:userId`. */
	path: string;
	/** Rate-limit bucket name (Okta limits per endpoint family). Defaults to the path pattern. */
	bucket?: string;
	/** Whether the route needs no vendor authentication (token endpoints, discovery). */
	public?: boolean;
	query?: ZodTypeAny;
	body?: ZodTypeAny;
	handle(state: S, req: SandboxRequest): SandboxResponse | Promise<SandboxResponse>;
}

export interface RateLimitInfo {
	limit: number;
	remaining: number;
	/** Epoch seconds at which the window resets. */
	resetAt: number;
}

/** The other vendors of the same sandbox, read when needed (their state is replaced on every reset). */
export interface HostedPeers {
	/** The vendor's current state; undefined when the sandbox does not host it. */
	state<T>(vendor: string): T | undefined;
}

/** One vendor's API as hosted by the sandbox. */
export interface VendorModule<S = unknown> {
	/** URL prefix, e.g. `okta` → `http://127.0.0.1:port/okta`. */
	name: string;
	/**
	 * Fresh seeded state; `clock` is the vendor's clock (the admin API sets it), kept across resets. `peers` reads the
	 * live state of the other vendors the same sandbox hosts (a connected tenant, e.g. Vision One acting on Okta).
	 */
	createState(clock: Clock, peers: HostedPeers): S;
	routes: Route<S>[];
	/** Returns an error response when the request is not authenticated the vendor's way. */
	authenticate(state: S, req: SandboxRequest): SandboxResponse | undefined;
	/** The vendor's error envelope for a status (validation failures, unknown routes, injected faults). */
	error(status: number, message: string, details?: string[]): SandboxResponse;
	/** Headers on every answer of this vendor, 401s, 404s, 429s and injected faults included (e.g. a request ID). */
	responseHeaders?(): Record<string, string>;
	/** Headers the vendor sends about its rate limit on every rate-limited response, and its 429 answer. */
	rateLimitHeaders(info: RateLimitInfo, now: number): Record<string, string>;
	tooManyRequests(info: RateLimitInfo, now: number): SandboxResponse;
	/** Default calls per window per bucket. */
	defaultRateLimit: { limit: number; windowMs: number };
	/** Working sample credentials for this vendor, printed by `npm run sandbox` and used by tests. */
	sampleCredentials(baseUrl: string): Record<string, string | boolean | number>;
	/** Read-only view of state for the admin API. */
	snapshot(state: S): unknown;
	/** Vendor-specific admin actions, e.g. seeding a sign-in anomaly: `POST /__admin/vendor/<name>/<action>`. */
	admin?: Record<string, (state: S, body: Record<string, unknown>) => unknown>;
}
