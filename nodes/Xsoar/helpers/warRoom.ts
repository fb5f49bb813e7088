import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { pathSegment } from '../../shared/validation';
import { xsoarApiRequest } from '../transport';
import { ENTRY_PAGE_MAX, getEntries, noInvestigation } from './entries';
import { getIncident } from './incident';

/** How far back a lost entry is looked for: wide enough for a server clock minutes off n8n's. */
const LOST_ENTRY_WINDOW_MS = 10 * 60_000;

/** `POST /incident/investigate`: starts the incident's investigation (and its playbook); answers the investigation. */
export async function investigate(this: IExecuteFunctions, id: string, itemIndex: number): Promise<IDataObject> {
	const incident = await getIncident.call(this, id, itemIndex);
	const response = await xsoarApiRequest.call(this, {
		method: 'POST',
		path: '/incident/investigate',
		body: { id, version: incident.version as number },
		// Starting an investigation that runs already changes nothing.
		idempotent: true,
		itemIndex,
	});
	return response.body;
}

/**
 * Sends a call that needs the incident's investigation; a pending incident has none yet (403 "Could not find
 * investigations"): with `startInvestigation` it is started and the call sent again.
 */
async function withInvestigation(this: IExecuteFunctions, id: string, itemIndex: number, startInvestigation: boolean, send: () => Promise<IDataObject>) {
	try {
		return await send();
	} catch (error) {
		if (!startInvestigation || !noInvestigation(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		await investigate.call(this, id, itemIndex);
		return await send();
	}
}

/** `POST /inv-playbook/new/{playbookId}/{investigationId}`: runs a playbook on the incident's investigation. Sent once. */
export async function runPlaybook(this: IExecuteFunctions, id: string, playbookId: string, itemIndex: number): Promise<IDataObject> {
	const path = `/inv-playbook/new/${pathSegment(this.getNode(), playbookId, 'Playbook ID', itemIndex)}/${encodeURIComponent(id)}`;
	return await withInvestigation.call(this, id, itemIndex, true, async () => (await xsoarApiRequest.call(this, { method: 'POST', path, itemIndex })).body);
}

/**
 * `POST /entry` to the incident's War Room. A pending incident has no investigation yet: with `startInvestigation`
 * it is started (as Polarity's client does) and the entry sent again; a closed one answers 412, which the error says.
 * A lost answer is settled by reading the War Room: an entry with the same text written since is taken as this one
 * (at worst one of two identical entries is missing), otherwise the entry is sent again.
 */
export async function addEntry(
	this: IExecuteFunctions,
	id: string,
	entry: { data: string; markdown: boolean },
	itemIndex: number,
	startInvestigation = true,
): Promise<IDataObject> {
	const body = { investigationId: id, data: entry.data, markdown: entry.markdown };
	const fromTime = new Date(Date.now() - LOST_ENTRY_WINDOW_MS).toISOString();
	const confirm = async () => {
		const written = (await getEntries.call(this, id, { pageSize: ENTRY_PAGE_MAX, fromTime }, itemIndex)).find((e) => e.contents === entry.data);
		return written ? { landed: true, body: written } : { landed: false };
	};
	return await withInvestigation.call(
		this,
		id,
		itemIndex,
		startInvestigation,
		async () => (await xsoarApiRequest.call(this, { method: 'POST', path: '/entry', body, confirm, itemIndex })).body,
	);
}
