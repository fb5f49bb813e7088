/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';

import { handleAdmin } from './admin';
import { Clock } from './clock';
import { FaultBook } from './faults';
import { groupQuery, isMalformedJson, parseBody, readBody, send } from './http';
import { RateLimiter } from './rateLimiter';
import { compileRoutes, matchRoute } from './router';
import type { HostedPeers, SandboxRequest, SandboxResponse, VendorModule } from './types';

export interface RecordedRequest {
	vendor: string;
	method: string;
	path: string;
	query: Record<string, string[]>;
	body: unknown;
	/** The status answered; -1 when the client never got an answer (reset, hang, timeout after handling). */
	status: number;
	at: number;
}

interface HostedVendor {
	module: VendorModule<unknown>;
	state: unknown;
	clock: Clock;
	routes: ReturnType<typeof compileRoutes<unknown>>;
}

export interface SandboxOptions {
	host?: string;
	/** 0 picks a free port (tests). */
	port?: number;
	vendors: VendorModule<unknown>[];
}

/** One local HTTP server hosting every vendor API under its own prefix, plus an admin API under `/__admin`. */
export class Sandbox {
	readonly faults = new FaultBook();
	readonly rateLimiter = new RateLimiter();
	readonly requests: RecordedRequest[] = [];
	private readonly vendors = new Map<string, HostedVendor>();
	private server?: Server;
	/** Sockets held open by `hang` faults, destroyed on close so shutdown never waits for them. */
	private readonly hung = new Set<Socket>();
	/** Ends pending `latency` and `timeoutAfterHandling` waits on close. */
	private closing = new AbortController();
	url = '';

	/** What a vendor module sees of the others: their live state, looked up on each use. */
	private readonly peers: HostedPeers = { state: <T>(name: string) => this.vendors.get(name)?.state as T | undefined };

	constructor(private readonly options: SandboxOptions) {
		for (const module of options.vendors) {
			const clock = new Clock();
			this.vendors.set(module.name, { module, clock, state: module.createState(clock, this.peers), routes: compileRoutes(module.routes) });
		}
	}

	/** Listens; rejects (e.g. `EADDRINUSE`) when the port cannot be bound. */
	async start(): Promise<this> {
		this.closing = new AbortController();
		const server = createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { message: error.message } });
			});
		});
		server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		this.server = server;
		const { address, port } = server.address() as AddressInfo;
		this.url = `http://${address}:${port}`;
		return this;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		this.closing.abort();
		for (const socket of this.hung) socket.destroy();
		this.hung.clear();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	vendorUrl(name: string): string {
		return `${this.url}/${name}`;
	}

	/** Live state of a vendor, for tests that assert on effects. */
	state<S>(name: string): S {
		return this.hosted(name).state as S;
	}

	/** The vendor's clock (frozen, offset or wall time), as the admin API sets it. */
	clock(name: string): Clock {
		return this.hosted(name).clock;
	}

	credentials(name: string): Record<string, string | boolean | number> {
		return this.hosted(name).module.sampleCredentials(this.vendorUrl(name));
	}

	snapshot(name: string): unknown {
		const hosted = this.hosted(name);
		return hosted.module.snapshot(hosted.state);
	}

	vendorNames(): string[] {
		return [...this.vendors.keys()];
	}

	actionNames(name: string): string[] {
		return Object.keys(this.hosted(name).module.admin ?? {});
	}

	async runAction(name: string, action: string, body: Record<string, unknown>): Promise<unknown> {
		const hosted = this.hosted(name);
		const handler = hosted.module.admin?.[action];
		if (!handler) throw new Error(`The sandbox's ${name} has no admin action "${action}"`);
		return await handler(hosted.state, body);
	}

	/** Fresh seeded state and wall-time clock for one vendor or all, their faults cleared; all: custom limits too. */
	reset(vendor?: string): void {
		for (const [name, hosted] of this.vendors) {
			if (vendor && vendor !== name) continue;
			hosted.clock.reset();
			hosted.state = hosted.module.createState(hosted.clock, this.peers);
		}
		this.faults.clear(vendor);
		if (!vendor) this.rateLimiter.reset();
		this.requests.length = 0;
	}

	private hosted(name: string): HostedVendor {
		const hosted = this.vendors.get(name);
		if (!hosted) throw new Error(`The sandbox hosts no vendor "${name}" (it hosts ${this.vendorNames().join(', ')})`);
		return hosted;
	}

	/** Holds the request unanswered until the client gives up or the sandbox closes. */
	private hang(req: IncomingMessage): void {
		const socket = req.socket;
		this.hung.add(socket);
		socket.once('close', () => this.hung.delete(socket));
	}

	private async wait(ms: number): Promise<void> {
		await delay(ms, undefined, { signal: this.closing.signal }).catch(() => undefined);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const rawBody = await readBody(req);
		if (rawBody === undefined) return send(res, { status: 413, body: { message: 'Body too large' } });
		const bodyText = rawBody.toString('utf8');
		const [, first, ...rest] = url.pathname.split('/');
		if (first === '__admin') return send(res, await handleAdmin(this, req.method ?? 'GET', rest, url.searchParams, bodyText));

		const hosted = this.vendors.get(first);
		if (!hosted) return send(res, { status: 404, body: { message: `No vendor at /${first}; the sandbox hosts ${this.vendorNames().map((n) => `/${n}`).join(', ')}` } });
		const { module } = hosted;
		const method = req.method ?? 'GET';
		const path = `/${rest.join('/')}`;
		const record: RecordedRequest = {
			vendor: module.name,
			method,
			path,
			query: groupQuery(url.searchParams),
			body: parseBody(bodyText, req.headers['content-type']),
			status: 0,
			at: Date.now(),
		};
		this.requests.push(record);
		const unanswered = (): void => {
			record.status = -1;
		};
		const respond = (response: SandboxResponse): void => {
			// The client left, or the sandbox closed while a fault held the answer.
			if (res.destroyed || req.socket.destroyed) return unanswered();
			record.status = response.status;
			send(res, { ...response, headers: { ...(module.responseHeaders?.() ?? {}), ...(response.headers ?? {}) } });
		};

		const fault = this.faults.take(module.name, method, path);
		if (fault?.kind === 'reset') {
			unanswered();
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'hang') {
			unanswered();
			this.hang(req);
			return;
		}
		if (fault?.kind === 'latency') await this.wait(fault.delayMs ?? 1000);
		if (fault?.kind === 'status') return respond(module.error(fault.status ?? 500, fault.message ?? ''));
		if (fault?.kind === 'rateLimit') {
			const now = Date.now();
			const info = { limit: 0, remaining: 0, resetAt: Math.ceil(now / 1000 + (fault.resetInSeconds ?? 1)) };
			return respond(module.tooManyRequests(info, now));
		}
		if (fault?.kind === 'malformed') {
			return respond({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"truncated": [' });
		}

		const response = await this.dispatch(hosted, method, path, url, req, rawBody, bodyText);
		if (fault?.kind === 'timeoutAfterHandling') {
			// The vendor did the work, but the client never hears back: the case idempotent creates must survive.
			unanswered();
			await this.wait(fault.delayMs ?? 0);
			req.socket.destroy();
			return;
		}
		respond(response);
	}

	private async dispatch(
		hosted: HostedVendor,
		method: string,
		path: string,
		url: URL,
		req: IncomingMessage,
		rawBody: Buffer,
		bodyText: string,
	): Promise<SandboxResponse> {
		const { module } = hosted;
		const matched = matchRoute(hosted.routes, method, path);
		if (!matched) return module.error(404, `Not found: Resource not found: ${path} (${method})`);
		if ('methodNotAllowed' in matched) return module.error(405, `The endpoint does not support the provided HTTP method`);
		const { route, params } = matched;
		const contentType = req.headers['content-type'];
		const request: SandboxRequest = {
			method,
			path,
			params,
			query: url.searchParams,
			headers: req.headers,
			body: parseBody(bodyText, contentType),
			rawBody,
			bodyText,
			malformedJson: isMalformedJson(bodyText, contentType),
			baseUrl: this.vendorUrl(module.name),
		};
		if (!route.public) {
			const denied = module.authenticate(hosted.state, request);
			if (denied) return denied;
		}
		const now = Date.now();
		const { allowed, info } = this.rateLimiter.hit(module.name, route.bucket ?? route.path, module.defaultRateLimit, now);
		if (!allowed) return module.tooManyRequests(info, now);

		const invalid = validate(route.query, Object.fromEntries(url.searchParams)) ?? validate(route.body, request.body);
		let response: SandboxResponse;
		if (invalid) {
			response = module.error(400, 'Api validation failed', invalid);
		} else {
			if (route.body) request.body = route.body.parse(request.body);
			response = await route.handle(hosted.state, request);
		}
		response.headers = { ...module.rateLimitHeaders(info, now), ...(response.headers ?? {}) };
		return response;
	}
}

function validate(schema: z.ZodTypeAny | undefined, value: unknown): string[] | undefined {
	if (!schema) return undefined;
	const result = schema.safeParse(value);
	if (result.success) return undefined;
	return result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
