import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { incidentIdField } from '../../descriptions/incidentFields.description';
import { getIncident, incidentId } from '../../helpers/incident';
import { investigate } from '../../helpers/warRoom';

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['investigate'] } }, [incidentIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = incidentId(this.getNode(), this.getNodeParameter('incidentId', itemIndex), itemIndex);
	const investigation = await investigate.call(this, id, itemIndex);
	return { ...(await getIncident.call(this, id, itemIndex)), investigation };
}
