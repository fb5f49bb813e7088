import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runContainment } from '../../../shared/containment';
import { dryRun } from '../../../shared/descriptions';
import { incidentIdField } from '../../descriptions/incidentFields.description';
import { getIncident, incidentId, INCIDENT_STATUS } from '../../helpers/incident';
import { xsoarApiRequest, xsoarDryRun } from '../../transport';

const properties: INodeProperties[] = [incidentIdField, dryRun({})];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['reopen'] } }, properties);

/**
 * `POST /investigation/:id/reopen` with `{id, version: -1}`: the path Palo Alto's own content scripts post to (the
 * `:id` is literal; the body names the incident). An incident that is not closed is refused by XSOAR, and that
 * refusal is the error. Answers the incident as it is now.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = incidentId(this.getNode(), this.getNodeParameter('incidentId', itemIndex), itemIndex);
	const call = { method: 'POST' as const, path: '/investigation/:id/reopen', body: { id, version: -1 }, itemIndex };
	return await runContainment.call(this, itemIndex, {
		preview: async () => await xsoarDryRun.call(this, call),
		act: async () => {
			await xsoarApiRequest.call(this, {
				...call,
				// A second reopen of a reopened incident is refused, so a lost answer is settled by reading the incident.
				confirm: async () => ({ landed: (await getIncident.call(this, id, itemIndex)).status !== INCIDENT_STATUS.closed }),
			});
			return await getIncident.call(this, id, itemIndex);
		},
	});
}
