import type { IDataObject } from 'n8n-workflow';

import { normaliseLogEvent } from '../Okta/helpers/logEvent';
import type { NormalisedEvent } from '../Okta/helpers/logEvent';

/** Event UUIDs remembered for de-duplication: far more than Okta re-delivers, small enough for static data. */
export const REMEMBERED_UUIDS = 2000;

/** What the trigger keeps in static data between deliveries (besides the registered hook's id). */
export interface DeliveryMemory extends IDataObject {
	/** UUIDs of the events most recently passed to the workflow, oldest first. */
	delivered?: string[];
}

export type Delivery = { events: NormalisedEvent[] } | { problem: string };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The events of an Okta event hook delivery, normalised, or what makes the body not one. Okta posts
 * `{ eventType: 'com.okta.event_hook', …, data: { events: [LogEvent, …] } }` and every event has a `uuid` and an
 * `eventType`. The raw body is read when there is one, so a body that is not JSON is told apart from an empty one.
 */
export function parseDelivery(rawBody: Buffer | undefined, parsedBody: unknown): Delivery {
	let body = parsedBody;
	if (rawBody && rawBody.length > 0) {
		try {
			body = JSON.parse(rawBody.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
		} catch {
			return { problem: 'The body is not JSON' };
		}
	}
	const events = isObject(body) && isObject(body.data) ? body.data.events : undefined;
	if (!Array.isArray(events)) return { problem: 'Not an Okta event hook delivery: data.events must be an array' };
	const normalised: NormalisedEvent[] = [];
	for (const [index, event] of events.entries()) {
		if (!isObject(event)) return { problem: `Event ${index} is not an object` };
		if (typeof event.uuid !== 'string' || event.uuid === '' || typeof event.eventType !== 'string' || event.eventType === '') {
			return { problem: `Event ${index} has no uuid or eventType` };
		}
		try {
			normalised.push(normaliseLogEvent(event));
		} catch {
			return { problem: `Event ${index} is not an Okta System Log event` };
		}
	}
	return { events: normalised };
}

/**
 * The events not delivered before (Okta delivers at least once and may send a batch again), remembering their
 * UUIDs, the newest `REMEMBERED_UUIDS`. A UUID repeated inside one batch also counts once.
 */
export function firstDeliveries(events: NormalisedEvent[], memory: DeliveryMemory): NormalisedEvent[] {
	const remembered = Array.isArray(memory.delivered) ? memory.delivered : [];
	const known = new Set(remembered);
	const fresh = events.filter((event) => {
		if (known.has(event.uuid)) return false;
		known.add(event.uuid);
		return true;
	});
	if (fresh.length > 0) memory.delivered = [...remembered, ...fresh.map((event) => event.uuid)].slice(-REMEMBERED_UUIDS);
	return fresh;
}
