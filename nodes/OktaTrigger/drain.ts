import type { IDataObject, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { normaliseLogEvent } from '../Okta/helpers/logEvent';
import type { NormalisedEvent } from '../Okta/helpers/logEvent';
import { parseLinkHeader } from '../shared/paging';
import { oktaApiRequest, oktaErrorCode, oktaGetLink } from '../Okta/transport';
import type { Preset } from './presets';

/** What the trigger keeps in static data between polls. */
export interface Cursor extends IDataObject {
	/** Okta's `next` link after the last page processed: the resume point (Okta says to follow it, never rebuild it). */
	nextUrl?: string;
	/** `published` of the newest event seen: the fallback start when the link is refused. */
	since: string;
	/**
	 * UUIDs of the events published exactly at `since`: a restart from `since` (inclusive) reads them again, and
	 * these are the only events it can repeat, so they are all the de-duplication needs to remember.
	 */
	seen: string[];
	/**
	 * Digest of the configuration (event, filter, page size) `nextUrl` was built for: Okta's link carries the filter and
	 * limit, so after a change the trigger restarts from `since` instead of following a link for the old filter.
	 */
	config?: string;
}

export interface DrainOptions {
	preset: Preset;
	pageSize: number;
	maxEvents: number;
	/** Epoch ms: no page is requested, and no request waits for its answer, after it. */
	deadline: number;
	/** Digest of the configuration this poll runs with (see `Cursor.config`). */
	config: string;
}

const SEEN_LIMIT = 2000;

/**
 * Follows the System Log in polling mode from the cursor until caught up, out of time or at `maxEvents`, and
 * returns the matching events with the cursor to store. The cursor only ever covers pages whose events are all
 * in the result (or deliberately filtered out), so nothing is skipped; `seen` makes any re-read harmless.
 */
export async function drainSystemLog(
	this: IPollFunctions,
	cursor: Cursor,
	options: DrainOptions,
): Promise<{ events: NormalisedEvent[]; cursor: Cursor }> {
	const seen = new Set(cursor.seen);
	let atSince = [...cursor.seen];
	const events: NormalisedEvent[] = [];
	// A link built for another configuration would go on reading the old filter: restart from `since` instead.
	let next = cursor.config === options.config ? cursor.nextUrl : undefined;
	let since = cursor.since;
	let retriedFromSince = false;

	while (Date.now() < options.deadline && events.length < options.maxEvents) {
		let page: { body: IDataObject; headers: Record<string, unknown> };
		try {
			page = next
				? await oktaGetLink.call(this, next, options.deadline)
				: await oktaApiRequest.call(this, {
						method: 'GET',
						path: '/api/v1/logs',
						qs: { since, sortOrder: 'ASCENDING', limit: options.pageSize, filter: options.preset.filter },
						deadline: options.deadline,
					});
		} catch (error) {
			// An expired or foreign cursor: start again from the last published time; `seen` drops the overlap.
			if (next && !retriedFromSince && (oktaErrorCode(error) === 'E0000001' || (error as Error).name === 'NodeOperationError')) {
				retriedFromSince = true;
				next = undefined;
				continue;
			}
			// Keep what this poll already has (its cursor is consistent); the next poll retries the failing page. This is
			// also how a vendor that stops answering ends the poll: the request gives up at the deadline.
			if (events.length > 0) break;
			// Both constructors hand back the error unchanged when it already is one (our transport's errors are).
			throw error instanceof NodeOperationError
				? new NodeOperationError(this.getNode(), error)
				: new NodeApiError(this.getNode(), error as JsonObject);
		}
		const batch = Array.isArray(page.body) ? (page.body as unknown as IDataObject[]) : [];
		for (const raw of batch) {
			const uuid = String(raw.uuid ?? '');
			if (uuid && seen.has(uuid)) continue;
			if (uuid) seen.add(uuid);
			if (typeof raw.published === 'string' && raw.published > since) {
				since = raw.published;
				atSince = [];
			}
			if (uuid && raw.published === since) atSince.push(uuid);
			const event = normaliseLogEvent(raw);
			if (!options.preset.accept || options.preset.accept(event)) events.push(event);
		}
		const link = parseLinkHeader(page.headers as Record<string, string>).next;
		if (link) next = link;
		// In polling mode Okta always sends `next`; a short page means we are caught up for now.
		if (!link || batch.length < options.pageSize) break;
	}

	const kept: Cursor = { since, seen: atSince.slice(-SEEN_LIMIT), config: options.config };
	return { events, cursor: next ? { ...kept, nextUrl: next } : kept };
}
