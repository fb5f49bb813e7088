import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idsFromNames } from '../../helpers/locate';
import { detailText } from '../../helpers/values';

const properties: INodeProperties[] = [
	{ displayName: 'Resource Name', name: 'resourceName', type: 'string', default: '', required: true, placeholder: 'e.g. SOUTH-FIN-WINSERQA-09' },
	{ displayName: 'Account Name', name: 'accountName', type: 'string', default: '', required: true, placeholder: 'e.g. administrator' },
];

export const description = updateDisplayOptions({ show: { resource: ['resource'], operation: ['getIds'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const resourceName = detailText(node, this.getNodeParameter('resourceName', itemIndex), 'Resource Name', itemIndex, true) as string;
	const accountName = detailText(node, this.getNodeParameter('accountName', itemIndex), 'Account Name', itemIndex, true) as string;
	return { ...(await idsFromNames(this, resourceName, accountName, itemIndex)), resourceName, accountName };
}
