import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { xsoarApiRequest } from '../transport';
import { searchIncidents } from './incident';
import { condition } from './query';
import { addEntry } from './warRoom';

/*
 * Find or Create by an external key, without a lock and without a client-chosen ID (XSOAR assigns incident IDs):
 *  1. search the open incidents whose key field holds the key; the oldest (created, then ID) is THE incident;
 *  2. found: the repeat becomes a War Room entry on it, and newer open incidents with the key are closed as
 *     duplicates of it;
 *  3. none: create one (the create is repeated after a lost answer only if a search finds no incident with the key),
 *     then search again (backstop): if an older open incident with the key exists, a concurrent run created it first:
 *     ours is closed as its duplicate and the repeat becomes an entry there.
 * IDs and creation times only grow, so every run picks the same survivor: a run that sees only its own incident
 * created the oldest one, and every later run sees it too. Two runs converge on one open incident.
 */

export interface FindOrCreateInput {
	keyField: string;
	key: string;
	createBody: IDataObject;
	repeatEntry: string;
	markdown: boolean;
}

export interface FindOrCreateResult {
	outcome: 'created' | 'existing';
	incident: IDataObject;
	entry?: IDataObject;
	closedDuplicates: string[];
}

const oldestFirst = (a: IDataObject, b: IDataObject) =>
	String(a.created).localeCompare(String(b.created)) || Number(a.id) - Number(b.id);

async function openWithKey(this: IExecuteFunctions, input: FindOrCreateInput, itemIndex: number): Promise<IDataObject[]> {
	const query = `${condition(this.getNode(), input.keyField, input.key, 'External Key', itemIndex)} -status:closed`;
	const found = await searchIncidents.call(this, { query, sort: [{ field: 'created', asc: true }] }, { limit: 50, itemIndex });
	return found.sort(oldestFirst);
}

async function closeDuplicates(this: IExecuteFunctions, survivor: IDataObject, others: IDataObject[], input: FindOrCreateInput, itemIndex: number) {
	for (const duplicate of others) {
		await xsoarApiRequest.call(this, {
			method: 'POST',
			path: '/incident/close',
			body: {
				id: String(duplicate.id),
				closeReason: 'Duplicate',
				closeNotes: `Duplicate of incident ${String(survivor.id)}: the open incident for external key ${input.key}.`,
			},
			// Closing a closed incident again leaves it as it is.
			idempotent: true,
			itemIndex,
		});
	}
	return others.map((d) => String(d.id));
}

async function repeatOn(this: IExecuteFunctions, survivor: IDataObject, others: IDataObject[], input: FindOrCreateInput, itemIndex: number): Promise<FindOrCreateResult> {
	const closedDuplicates = await closeDuplicates.call(this, survivor, others, input, itemIndex);
	const entry = await addEntry.call(this, String(survivor.id), { data: input.repeatEntry, markdown: input.markdown }, itemIndex);
	return { outcome: 'existing', incident: survivor, entry, closedDuplicates };
}

export async function findOrCreate(this: IExecuteFunctions, input: FindOrCreateInput, itemIndex: number): Promise<FindOrCreateResult> {
	const open = await openWithKey.call(this, input, itemIndex);
	if (open.length > 0) return await repeatOn.call(this, open[0], open.slice(1), input, itemIndex);

	const response = await xsoarApiRequest.call(this, {
		method: 'POST',
		surface: 'public',
		path: '/incident',
		body: input.createBody,
		itemIndex,
		confirm: async () => {
			const [landed] = await openWithKey.call(this, input, itemIndex);
			return landed ? { landed: true, body: landed } : { landed: false };
		},
	});
	const ours = response.body;
	const after = await openWithKey.call(this, input, itemIndex);
	const survivor = after[0] ?? ours;
	const others = after.filter((incident) => String(incident.id) !== String(survivor.id));
	if (String(survivor.id) === String(ours.id)) {
		return { outcome: 'created', incident: ours, closedDuplicates: await closeDuplicates.call(this, survivor, others, input, itemIndex) };
	}
	// A concurrent run (or someone else) opened an incident for this key first: ours becomes its duplicate.
	return await repeatOn.call(this, survivor, others, input, itemIndex);
}
