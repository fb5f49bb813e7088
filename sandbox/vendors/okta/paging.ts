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
