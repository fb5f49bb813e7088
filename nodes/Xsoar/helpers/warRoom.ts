import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { xsoarApiRequest } from '../transport';
import { getIncident } from './incident';

/** XSOAR's answer for an incident whose investigation was never started (a pending incident). */
const noInvestigation = (error: unknown) =>
	error instanceof NodeApiError && error.httpCode === '403' && /could not find investigation/i.test(`${error.message} ${error.description ?? ''}`);

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
 * `POST /entry` to the incident's War Room. A pending incident has no investigation yet: with `startInvestigation`
 * it is started (as Polarity's client does) and the entry sent again; a closed one answers 412, which the error says.
 * Sent once otherwise: XSOAR cannot be asked whether a lost entry landed.
 */
export async function addEntry(
	this: IExecuteFunctions,
	id: string,
	entry: { data: string; markdown: boolean },
	itemIndex: number,
	startInvestigation = true,
): Promise<IDataObject> {
	const send = async () =>
		(await xsoarApiRequest.call(this, { method: 'POST', path: '/entry', body: { investigationId: id, data: entry.data, markdown: entry.markdown }, itemIndex })).body;
	try {
		return await send();
	} catch (error) {
		if (!startInvestigation || !noInvestigation(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		await investigate.call(this, id, itemIndex);
		return await send();
	}
}
