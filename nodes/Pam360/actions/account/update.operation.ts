import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { accountRLC, resourceRLC } from '../../descriptions/locators.description';
import { accountId, resourceId } from '../../helpers/locate';
import { detailsFrom } from '../../helpers/values';
import { pam360ApiRequest } from '../../transport';

const field = (displayName: string, name: string, placeholder: string): INodeProperties => ({ displayName, name, type: 'string', default: '', placeholder });

const properties: INodeProperties[] = [
	resourceRLC,
	accountRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			field('Account Name', 'accountName', 'e.g. svc-backup-2'),
			field('Account Password Policy', 'accountPasswordPolicy', 'e.g. Strong'),
			field('Description', 'description', 'e.g. Backup agent'),
			field('Notes', 'notes', 'e.g. Rotated after INC0010001'),
			field('Owner Name', 'ownerName', 'e.g. admin'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const details = detailsFrom(node, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, {
		accountName: ['ACCOUNTNAME', 'Account Name'],
		accountPasswordPolicy: ['ACCOUNTPASSWORDPOLICY', 'Account Password Policy'],
		description: ['DESCRIPTION', 'Description'],
		notes: ['NOTES', 'Notes'],
		ownerName: ['OWNERNAME', 'Owner Name'],
	}, itemIndex);
	if (Object.keys(details).length === 0) {
		throw new NodeOperationError(node, 'No field to update', { itemIndex, description: 'Add at least one field under Update Fields.' });
	}
	const resource = await resourceId(this, this.getNodeParameter('pamResource', itemIndex), itemIndex);
	const account = await accountId(this, resource, this.getNodeParameter('pamAccount', itemIndex), itemIndex);
	const updated = await pam360ApiRequest.call(this, { method: 'PUT', path: `/resources/${resource}/accounts/${account}`, details, itemIndex });
	return { resourceId: decodeURIComponent(resource), accountId: decodeURIComponent(account), message: updated.result?.message ?? '' };
}
