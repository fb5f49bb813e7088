import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { tmv1String } from '../../helpers/filter';
import { visionOneListAll } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		default: 'endpointName',
		options: [
			{ name: 'Agent GUID', value: 'agentGuid' },
			{ name: 'Endpoint Name', value: 'endpointName' },
			{ name: 'IP Address', value: 'ip' },
		],
	},
	{ displayName: 'Value', name: 'value', type: 'string', required: true, default: '', placeholder: 'e.g. FIN-LAPTOP-07', description: 'The endpoint name, IP address or agent GUID (exact)' },
];

export const description = updateDisplayOptions({ show: { resource: ['endpoint'], operation: ['get'] } }, properties);

/** The inventory records (`/v3.0/eiqs/endpoints`) matching the value: none, one, or several sharing a name or IP. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const field = this.getNodeParameter('lookUpBy', itemIndex, 'endpointName') as string;
	const query = `${field} eq ${tmv1String(this.getNode(), this.getNodeParameter('value', itemIndex), 'Value', itemIndex)}`;
	return await visionOneListAll.call(this, { method: 'GET', path: '/v3.0/eiqs/endpoints', qs: { top: 50 }, headers: { 'TMV1-Query': query }, itemIndex });
}
