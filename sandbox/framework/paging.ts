/**
 * Paging the four common ways vendors page lists: after a cursor ID (Okta), at an offset (ServiceNow), by page number,
 * and by an opaque continuation token. Pure functions over an already filtered and ordered list.
 */

/** A client's page size: `fallback` when absent, at most `max` (vendors clamp a larger size rather than refuse it). */
export function clampLimit(requested: number | undefined, { fallback, max }: { fallback: number; max: number }): number {
	return Math.min(requested ?? fallback, max);
}

/** The records after the one whose ID is `after` (from the start when null); `nextAfter` while more remain. */
export function pageAfter<T>(records: T[], after: string | null, limit: number, idOf: (record: T) => string = (r) => (r as { id: string }).id) {
	const start = after ? records.findIndex((r) => idOf(r) === after) + 1 : 0;
	const page = records.slice(start, start + limit);
	const more = start + limit < records.length;
	return { page, nextAfter: more && page.length > 0 ? idOf(page[page.length - 1]) : undefined };
}

/** `limit` records from `offset`, with the offsets of the neighbouring and last pages (for first/prev/next/last links). */
export function pageAtOffset<T>(records: T[], offset: number, limit: number) {
	return {
		page: records.slice(offset, offset + limit),
		total: records.length,
		prevOffset: offset > 0 ? Math.max(0, offset - limit) : undefined,
		nextOffset: offset + limit < records.length ? offset + limit : undefined,
		lastOffset: Math.max(0, Math.floor((records.length - 1) / limit) * limit),
	};
}

/** Page `number` of `size` records, numbered from `firstPage` (1 unless the vendor counts from 0). */
export function pageByNumber<T>(records: T[], number: number, size: number, firstPage = 1) {
	const index = number - firstPage;
	const totalPages = Math.ceil(records.length / size);
	return {
		page: index < 0 ? [] : records.slice(index * size, (index + 1) * size),
		total: records.length,
		totalPages,
		nextPage: index + 1 < totalPages ? number + 1 : undefined,
	};
}

const TOKEN_PREFIX = 'sbxpage:';

/** An opaque continuation token for a position in a list (clients must not build them; the sandbox checks). */
export function encodePageToken(offset: number): string {
	return Buffer.from(`${TOKEN_PREFIX}${offset}`).toString('base64url');
}

/** The position a token stands for; undefined when it is not one the sandbox issued (the vendor answers 400). */
export function decodePageToken(token: string): number | undefined {
	const text = Buffer.from(token, 'base64url').toString('utf8');
	if (!text.startsWith(TOKEN_PREFIX)) return undefined;
	const offset = Number(text.slice(TOKEN_PREFIX.length));
	return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
}

/** `limit` records from the token's position (the start without one); `nextToken` while more remain. */
export function pageByToken<T>(records: T[], token: string | undefined, limit: number): { page: T[]; nextToken?: string } | { invalidToken: true } {
	const offset = token === undefined || token === '' ? 0 : decodePageToken(token);
	if (offset === undefined) return { invalidToken: true };
	const page = records.slice(offset, offset + limit);
	return { page, nextToken: offset + limit < records.length ? encodePageToken(offset + limit) : undefined };
}
