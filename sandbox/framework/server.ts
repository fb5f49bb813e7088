/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';

import { FaultBook, faultSchema } from './faults';
import { RateLimiter } from './rateLimiter';
import { compileRoutes, matchRoute } from './router';
import type { SandboxRequest, SandboxResponse, VendorModule } from './types';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface RecordedRequest {
	vendor: string;
	method: string;
	path: string;
	query: Record<string, string[]>;
	body: unknown;
	status: number;
	at: number;
}

interface HostedVendor {
	module: VendorModule<unknown>;
	state: unknown;
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
	url = '';

	constructor(private readonly options: SandboxOptions) {
		for (const module of options.vendors) {
			this.vendors.set(module.name, { module, state: module.createState(), routes: compileRoutes(module.routes) });
		}
	}

	async start(): Promise<this> {
		const server = createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) send(res, { status: 500, body: { message: error.message } });
			});
		});
		server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve) => server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
		this.server = server;
		const { address, port } = server.address() as AddressInfo;
		this.url = `http://${address}:${port}`;
		return this;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
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

	credentials(name: string): Record<string, string | boolean | number> {
		return this.hosted(name).module.sampleCredentials(this.vendorUrl(name));
	}

	vendorNames(): string[] {
		return [...this.vendors.keys()];
	}

	reset(vendor?: string): void {
		for (const [name, hosted] of this.vendors) {
			if (!vendor || vendor === name) hosted.state = hosted.module.createState();
		}
		this.faults.clear(vendor);
		if (!vendor) this.rateLimiter.reset();
		this.requests.length = 0;
	}

	private hosted(name: string): HostedVendor {
		const hosted = this.vendors.get(name);
		if (!hosted) throw new Error(`The sandbox hosts no vendor "${name}"`);
		return hosted;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const rawBody = await readBody(req);
		if (rawBody === undefined) return send(res, { status: 413, body: { message: 'Body too large' } });
		const bodyText = rawBody.toString('utf8');
		const [, first, ...rest] = url.pathname.split('/');
		if (first === '__admin') return send(res, await this.admin(req.method ?? 'GET', rest, url.searchParams, bodyText));

		const hosted = this.vendors.get(first);
		if (!hosted) return send(res, { status: 404, body: { message: `No vendor at /${first}` } });
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
		const respond = (response: SandboxResponse) => {
			record.status = response.status;
			send(res, response);
		};

		const fault = this.faults.take(module.name, method, path);
		if (fault?.kind === 'reset') {
			record.status = -1;
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'latency') await delay(fault.delayMs ?? 1000);
		if (fault?.kind === 'status') return respond(module.error(fault.status ?? 500, fault.message ?? ''));
		if (fault?.kind === 'rateLimit') {
			const now = Date.now();
			const info = { limit: 0, remaining: 0, resetAt: Math.ceil(now / 1000 + (fault.resetInSeconds ?? 1)) };
			return respond(module.tooManyRequests(info, now));
		}
		if (fault?.kind === 'malformed') {
			record.status = 200;
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"truncated": [');
			return;
		}

		const response = await this.dispatch(hosted, method, path, url, req, rawBody, bodyText);
		if (fault?.kind === 'timeoutAfterHandling') {
			// The vendor did the work, but the client never hears back: the case idempotent creates must survive.
			record.status = -1;
			await delay(fault.delayMs ?? 0);
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
		const request: SandboxRequest = {
			method,
			path,
			params,
			query: url.searchParams,
			headers: req.headers,
			body: parseBody(bodyText, req.headers['content-type']),
			rawBody,
			bodyText,
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

	private async admin(method: string, parts: string[], query: URLSearchParams, bodyText: string): Promise<SandboxResponse> {
		const body = parseBody(bodyText, 'application/json') as Record<string, unknown>;
		const [what, vendor, action] = parts;
		try {
			if (method === 'POST' && what === 'reset') {
				this.reset(typeof body?.vendor === 'string' ? body.vendor : undefined);
				return { status: 200, body: { reset: true } };
			}
			if (method === 'GET' && what === 'state' && vendor) {
				const hosted = this.hosted(vendor);
				return { status: 200, body: hosted.module.snapshot(hosted.state) };
			}
			if (what === 'faults') {
				if (method === 'POST') return { status: 201, body: this.faults.add(faultSchema.parse(body)) };
				if (method === 'DELETE') {
					this.faults.clear(query.get('vendor') ?? undefined);
					return { status: 200, body: { cleared: true } };
				}
				return { status: 200, body: this.faults.list() };
			}
			if (method === 'POST' && what === 'rate-limits') {
				const limit = rateLimitSchema.parse(body);
				this.rateLimiter.setLimit(limit.vendor, limit.bucket, limit.limit, limit.windowMs);
				return { status: 200, body: limit };
			}
			if (what === 'requests') {
				if (method === 'DELETE') this.requests.length = 0;
				const list = vendor ? this.requests.filter((r) => r.vendor === vendor) : this.requests;
				return { status: 200, body: list };
			}
			if (method === 'GET' && what === 'credentials') {
				return { status: 200, body: Object.fromEntries(this.vendorNames().map((n) => [n, this.credentials(n)])) };
			}
			if (method === 'POST' && what === 'vendor' && vendor && action) {
				const hosted = this.hosted(vendor);
				const handler = hosted.module.admin?.[action];
				if (!handler) return { status: 404, body: { message: `No admin action ${vendor}/${action}` } };
				return { status: 200, body: await handler(hosted.state, body ?? {}) };
			}
		} catch (error) {
			return { status: 400, body: { message: (error as Error).message } };
		}
		return { status: 404, body: { message: `Unknown admin route ${method} /__admin/${parts.join('/')}` } };
	}
}

const rateLimitSchema = z.object({
	vendor: z.string(),
	/** A route's bucket (its path pattern unless it names one), or `*` for every bucket of the vendor. */
	bucket: z.string().default('*'),
	limit: z.number().int().min(1),
	windowMs: z.number().int().min(1),
});

function validate(schema: z.ZodTypeAny | undefined, value: unknown): string[] | undefined {
	if (!schema) return undefined;
	const result = schema.safeParse(value);
	if (result.success) return undefined;
	return result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}

/** The body's exact bytes; undefined when it is too large. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) return undefined;
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (raw === '') return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function groupQuery(params: URLSearchParams): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [key, value] of params) (out[key] ??= []).push(value);
	return out;
}

function send(res: ServerResponse, response: SandboxResponse): void {
	const headers: Record<string, string | string[]> = { ...(response.headers ?? {}) };
	const hasBody = response.body !== undefined && response.status !== 204;
	if (hasBody && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
		headers['Content-Type'] = 'application/json';
	}
	res.writeHead(response.status, headers);
	if (!hasBody) {
		res.end();
		return;
	}
	// Buffers (file downloads) go out byte for byte, strings as UTF-8, anything else as JSON.
	res.end(Buffer.isBuffer(response.body) || typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
}
