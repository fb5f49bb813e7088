import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { accessFields, accountRLC, resourceRLC } from '../../descriptions/locators.description';
import { accessDetails } from '../../helpers/access';
import { accountRow, resourceId } from '../../helpers/locate';
import { pam360ApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	resourceRLC,
	accountRLC,
	...accessFields,
	{
		displayName: 'Put Password In Field',
		name: 'outputField',
		type: 'string',
		default: 'password',
		required: true,
		description: 'The output field that receives the password; it appears nowhere else (not in errors or other fields)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['password'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const outputField = String(this.getNodeParameter('outputField', itemIndex, 'password')).trim();
	if (!outputField || ['resourceId', 'accountId', 'accountName'].includes(outputField)) {
		throw new NodeOperationError(this.getNode(), `"${outputField}" cannot hold the password`, {
			itemIndex,
			description: 'Set Put Password In Field to a field name other than resourceId, accountId or accountName, e.g. password.',
		});
	}
	const resource = await resourceId(this, this.getNodeParameter('pamResource', itemIndex), itemIndex);
	const account = await accountRow(this, resource, this.getNodeParameter('pamAccount', itemIndex), itemIndex);
	const details = accessDetails(this, account, 'fetch', itemIndex);
	const id = encodeURIComponent(String(account['ACCOUNT ID']));
	const answer = await pam360ApiRequest.call(this, { method: 'GET', path: `/resources/${resource}/accounts/${id}/password`, details, itemIndex });
	const password = (answer.Details as IDataObject | undefined)?.PASSWORD;
	if (typeof password !== 'string') {
		throw new NodeOperationError(this.getNode(), 'PAM360 answered without a password', {
			itemIndex,
			description: 'The account may have no password stored, or the token may not be allowed to view it.',
		});
	}
	return { resourceId: decodeURIComponent(resource), accountId: String(account['ACCOUNT ID']), accountName: String(account['ACCOUNT NAME']), [outputField]: password };
}
