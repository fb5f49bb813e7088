import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { resourceRLC } from '../../descriptions/locators.description';
import { resourceId } from '../../helpers/locate';
import { detailsFrom } from '../../helpers/values';
import { pam360ApiRequest } from '../../transport';
import { RESOURCE_FIELDS, resourceFieldOptions } from './create.operation';

const properties: INodeProperties[] = [
	resourceRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...resourceFieldOptions,
			{ displayName: 'Resource Name', name: 'resourceName', type: 'string', default: '', placeholder: 'e.g. SOUTH-FIN-WINSERQA-10', description: 'A new name' },
			{ displayName: 'Resource Type', name: 'resourceType', type: 'string', default: '', placeholder: 'e.g. Windows' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['resource'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const details = detailsFrom(node, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, {
		...RESOURCE_FIELDS,
		resourceName: ['RESOURCENAME', 'Resource Name'],
		resourceType: ['RESOURCETYPE', 'Resource Type'],
	}, itemIndex);
	if (Object.keys(details).length === 0) {
		throw new NodeOperationError(node, 'No field to update', { itemIndex, description: 'Add at least one field under Update Fields.' });
	}
	const id = await resourceId(this, this.getNodeParameter('pamResource', itemIndex), itemIndex);
	const updated = await pam360ApiRequest.call(this, { method: 'PUT', path: `/resources/${id}`, details, itemIndex });
	return { resourceId: decodeURIComponent(id), message: updated.result?.message ?? '' };
}
