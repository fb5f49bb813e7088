import type { SandboxRequest } from '../../framework/types';

/** Okta's `Link` headers: always `self`, and `next` with an opaque `after` cursor while more remain. */
export function linkHeaders(req: SandboxRequest, nextAfter?: string): string[] {
	const self = new URL(`${req.baseUrl}${req.path}`);
	req.query.forEach((value, key) => self.searchParams.append(key, value));
	const links = [`<${self.toString()}>; rel="self"`];
	if (nextAfter !== undefined) {
		const next = new URL(self.toString());
		next.searchParams.set('after', nextAfter);
		links.push(`<${next.toString()}>; rel="next"`);
	}
	return links;
}

/** Cursor paging over an ordered list of records with IDs: `after` is the last ID the client saw. */
export function pageAfter<T extends { id: string }>(records: T[], after: string | null, limit: number) {
	const start = after ? records.findIndex((r) => r.id === after) + 1 : 0;
	const page = records.slice(start, start + limit);
	const more = start + limit < records.length;
	return { page, nextAfter: more && page.length > 0 ? page[page.length - 1].id : undefined };
}
