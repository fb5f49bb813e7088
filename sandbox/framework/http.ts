/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SandboxResponse } from './types';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The body's exact bytes; undefined when it is too large. */
export async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) return undefined;
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

function isForm(contentType: string | undefined): boolean {
	return contentType?.includes('application/x-www-form-urlencoded') ?? false;
}

/** Form bodies as an object, JSON as parsed, anything that does not parse as the raw text. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
	if (raw === '') return undefined;
	if (isForm(contentType)) return Object.fromEntries(new URLSearchParams(raw));
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

/** A body a client sent as JSON (declared, or undeclared) that is not JSON; binary uploads declare their own type. */
export function isMalformedJson(raw: string, contentType: string | undefined): boolean {
	if (raw === '' || (contentType && !/[/+]json\b/i.test(contentType))) return false;
	try {
		JSON.parse(raw);
		return false;
	} catch {
		return true;
	}
}

export function groupQuery(params: URLSearchParams): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [key, value] of params) (out[key] ??= []).push(value);
	return out;
}

export function send(res: ServerResponse, response: SandboxResponse): void {
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
