import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { incidentIdField } from '../../descriptions/incidentFields.description';
import { getIncident, incidentId } from '../../helpers/incident';

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['get'] } }, [incidentIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getIncident.call(this, incidentId(this.getNode(), this.getNodeParameter('incidentId', itemIndex), itemIndex), itemIndex);
}
