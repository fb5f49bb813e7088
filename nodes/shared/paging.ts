import type { Headers } from './types';
import { header } from './rateLimit';

export interface Page<T, C> {
	items: T[];
	/** Cursor for the next page; undefined when this was the last. */
	next?: C;
}

export interface PagingOptions {
	/** Stop once this many items are collected (Return All off). Undefined = everything. */
	limit?: number;
	/** Safety stop against a vendor that never ends its cursor chain. */
	maxPages?: number;
}

/**
 * Drives any of our vendors' paging styles: the vendor folder supplies `fetchPage(cursor)`, this loop does
 * Return All / Limit. A repeated cursor ends the loop instead of spinning forever.
 */
export async function collectPages<T, C>(
	fetchPage: (cursor: C | undefined, pageIndex: number) => Promise<Page<T, C>>,
	{ limit, maxPages = 10_000 }: PagingOptions = {},
): Promise<T[]> {
	const items: T[] = [];
	const seen = new Set<string>();
	let cursor: C | undefined;
	for (let pageIndex = 0; pageIndex < maxPages; pageIndex++) {
		const page = await fetchPage(cursor, pageIndex);
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		if (page.next === undefined || page.items.length === 0) break;
		const key = JSON.stringify(page.next);
		if (seen.has(key)) break;
		seen.add(key);
		cursor = page.next;
	}
	return items;
}

/** RFC 8288 `Link` header → `{ rel: url }` (Okta, ServiceNow). */
export function parseLinkHeader(headers: Headers): Record<string, string> {
	const value = header(headers, 'link');
	const links: Record<string, string> = {};
	if (!value) return links;
	// Okta sends several Link headers; the HTTP client may join them with ", ".
	for (const part of value.split(/,(?=\s*<)/)) {
		const match = part.match(/<([^>]+)>\s*;\s*rel="?([^";]+)"?/);
		if (match) links[match[2]] = match[1];
	}
	return links;
}

/** Offset/limit paging: next offset while full pages keep coming (and below a known total). */
export function nextOffset(offset: number, pageSize: number, received: number, total?: number): number | undefined {
	const next = offset + received;
	if (received < pageSize) return undefined;
	if (total !== undefined && next >= total) return undefined;
	return next;
}

/** Page-number paging (1-based): next page while pages are full and below the reported page count. */
export function nextPageNumber(page: number, pageSize: number, received: number, totalPages?: number): number | undefined {
	if (received < pageSize) return undefined;
	if (totalPages !== undefined && page >= totalPages) return undefined;
	return page + 1;
}

/** Page-token and `nextLink` paging: an empty string means the end. */
export function nextToken(token: unknown): string | undefined {
	return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * A next-page link the vendor handed out (Okta `Link`, Vision One `nextLink`), kept only when it is a URL on the
 * credential's own origin, so a tampered or stored link can never send the credential elsewhere.
 */
export function linkOnOrigin(link: unknown, base: string): string | undefined {
	if (typeof link !== 'string' || link === '') return undefined;
	try {
		return new URL(link).origin === new URL(base).origin ? link : undefined;
	} catch {
		return undefined;
	}
}
