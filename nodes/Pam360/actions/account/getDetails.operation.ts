import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accountRLC, resourceRLC } from '../../descriptions/locators.description';
import { accountId, resourceId } from '../../helpers/locate';
import { pam360ApiRequest } from '../../transport';

const properties: INodeProperties[] = [resourceRLC, accountRLC];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getDetails'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const resource = await resourceId(this, this.getNodeParameter('pamResource', itemIndex), itemIndex);
	const account = await accountId(this, resource, this.getNodeParameter('pamAccount', itemIndex), itemIndex);
	const answer = await pam360ApiRequest.call(this, { method: 'GET', path: `/resources/${resource}/accounts/${account}`, itemIndex });
	return { 'RESOURCE ID': decodeURIComponent(resource), 'ACCOUNT ID': decodeURIComponent(account), ...((answer.Details ?? {}) as IDataObject) };
}
