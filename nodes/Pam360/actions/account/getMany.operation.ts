import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { resourceRLC } from '../../descriptions/locators.description';
import { resourceId } from '../../helpers/locate';
import { accountRows, pam360AllItems } from '../../transport';

const properties: INodeProperties[] = [resourceRLC, ...returnAllOrLimit({})];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const resource = await resourceId(this, this.getNodeParameter('pamResource', itemIndex), itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const accounts = await pam360AllItems.call(this, { method: 'GET', path: `/resources/${resource}/accounts`, itemIndex }, accountRows, limit);
	return accounts.map((account) => ({ 'RESOURCE ID': decodeURIComponent(resource), ...account }));
}
