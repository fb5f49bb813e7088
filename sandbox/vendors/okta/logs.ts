import { z } from 'zod';

import type { Route, SandboxRequest } from '../../framework/types';
import { oktaError } from './errors';
import { cursorOf, indexOfCursor } from './logStore';
import type { LogEvent } from './logStore';
import { ScimError, matches, tryParseScim } from './scim';
import type { OktaState } from './state';

/** The parameters the spec declares, checked (a limit outside 0–1000 is refused); others are ignored, as Okta does. */
const logsQuery = z.object({
	since: z.string().datetime({ offset: true }).optional(),
	until: z.string().datetime({ offset: true }).optional(),
	after: z.string().optional(),
	filter: z.string().optional(),
	q: z.string().optional(),
	limit: z.coerce.number().int().min(0).max(1000).optional(),
	sortOrder: z.enum(['ASCENDING', 'DESCENDING']).optional(),
});

type LogsQuery = z.infer<typeof logsQuery>;

const DAY = 24 * 60 * 60 * 1000;
const SEARCHABLE = (e: LogEvent) =>
	[e.eventType, e.displayMessage, e.actor.alternateId, e.actor.displayName, e.client.ipAddress, e.outcome.reason, e.client.geographicalContext?.city, e.client.geographicalContext?.country, ...e.target.map((t) => t.alternateId)]
		.filter(Boolean)
		.join(' ')
		.toLowerCase();

/** Okta's `next`/`self` links for the System Log: `since` never travels with an `after` cursor. */
function links(req: SandboxRequest, after?: string): string[] {
	const self = new URL(`${req.baseUrl}${req.path}`);
	req.query.forEach((value, key) => self.searchParams.append(key, value));
	const result = [`<${self.toString()}>; rel="self"`];
	if (after !== undefined) {
		const next = new URL(self.toString());
		next.searchParams.delete('since');
		next.searchParams.set('after', after);
		result.push(`<${next.toString()}>; rel="next"`);
	}
	return result;
}

function invalid(query: LogsQuery, now: number) {
	if (query.since !== undefined && query.after !== undefined) {
		return oktaError(400, 'E0000001', 'Api validation failed: since', ['since and after cannot be used together; follow the next link.']);
	}
	if (query.since && now - Date.parse(query.since) > 180 * DAY) {
		return oktaError(400, 'E0000053', 'Invalid date. The since parameter cannot be more than 180 days in the past.');
	}
	if (query.filter && /\bpublished\b/i.test(query.filter)) {
		return oktaError(400, 'E0000031', 'Invalid search criteria.', ['The published attribute cannot be used in a filter; use since and until.']);
	}
	if (query.filter && /debugData\.(url|requestUri)\s+co\b/i.test(query.filter)) {
		return oktaError(400, 'E0000031', 'Invalid search criteria.', ['co is not supported on debugContext.debugData.url or requestUri.']);
	}
	if (query.q && (query.q.split(/\s+/).length > 10 || query.q.split(/\s+/).some((k) => k.length > 40))) {
		return oktaError(400, 'E0000001', 'Api validation failed: q', ['q takes at most 10 keywords of at most 40 characters.']);
	}
	return undefined;
}

export const logRoutes: Route<OktaState>[] = [
	{
		method: 'GET',
		path: '/api/v1/logs',
		bucket: '/api/v1/logs',
		query: logsQuery,
		handle(state, req) {
			const query = logsQuery.parse(Object.fromEntries(req.query));
			const now = state.clock.now();
			const error = invalid(query, now);
			if (error) return error;
			const tree = query.filter ? tryParseScim(query.filter) : undefined;
			if (tree instanceof ScimError) return oktaError(400, 'E0000031', 'Invalid search criteria.', [tree.message]);
			const keywords = query.q ? query.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
			const until = query.until ? Date.parse(query.until) : undefined;
			const since = query.since ? Date.parse(query.since) : (until ?? now) - 7 * DAY;
			const limit = query.limit ?? 100;
			const wanted = (e: LogEvent) => {
				const published = Date.parse(e.published);
				if (query.after === undefined && published < since) return false;
				if (until !== undefined && published >= until) return false;
				if (tree && !matches(tree, e)) return false;
				if (keywords.length && !keywords.every((k) => SEARCHABLE(e).includes(k))) return false;
				return true;
			};
			const events = state.logs.events;

			// Polling request: persistence order, and a `next` link on every page, even an empty one.
			if (until === undefined && query.sortOrder !== 'DESCENDING') {
				if (query.after !== undefined && query.after.startsWith('b')) return oktaError(400, 'E0000001', 'Api validation failed: after', ['Invalid after cursor.']);
				const start = query.after === undefined ? 0 : (indexOfCursor(query.after) ?? -2) + 1;
				if (start < 0) return oktaError(400, 'E0000001', 'Api validation failed: after', ['Invalid after cursor.']);
				const page: LogEvent[] = [];
				let last = start - 1;
				for (let i = start; i < events.length && page.length < limit; i++) {
					last = i;
					if (wanted(events[i])) page.push(events[i]);
				}
				if (page.length < limit) last = Math.max(last, events.length - 1);
				return { status: 200, headers: { Link: links(req, cursorOf(state.logs, last)) }, body: page };
			}

			// Bounded or newest-first request: ordered by `published`, and the last page has no `next`.
			const sinceForPages = query.after?.startsWith('b') ? Number(query.after.split('~')[1]) : since;
			const matching = events
				.filter((e) => (query.after === undefined ? true : Date.parse(e.published) >= sinceForPages))
				.filter(wanted)
				.sort((a, b) => Date.parse(a.published) - Date.parse(b.published));
			if (query.sortOrder === 'DESCENDING') matching.reverse();
			const offset = query.after?.startsWith('b') ? Number(query.after.slice(1).split('~')[0]) : 0;
			const page = matching.slice(offset, offset + limit);
			const more = offset + limit < matching.length;
			return { status: 200, headers: { Link: links(req, more ? `b${offset + limit}~${sinceForPages}` : undefined) }, body: page };
		},
	},
];
