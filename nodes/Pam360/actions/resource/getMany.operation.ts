import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { detailText } from '../../helpers/values';
import { pam360AllItems, resourceRows } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	{
		displayName: 'Search Column',
		name: 'searchColumn',
		type: 'options',
		default: 'ALL',
		options: [
			{ name: 'Account Name', value: 'LOGINNAME' },
			{ name: 'All Columns', value: 'ALL' },
			{ name: 'Description', value: 'RESOURCEDESC' },
			{ name: 'DNS Name or IP', value: 'IPADDRESS' },
			{ name: 'Resource Name', value: 'RESOURCENAME' },
			{ name: 'Resource Type', value: 'RESOURCE_TYPE' },
		],
		description: 'The column Search Value is looked for in',
	},
	{
		displayName: 'Search Value',
		name: 'searchValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. FIN',
		description: 'Only resources whose column contains this text; empty returns every resource owned by or shared with the user',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['resource'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const searchValue = detailText(this.getNode(), this.getNodeParameter('searchValue', itemIndex, ''), 'Search Value', itemIndex);
	const searchColumn = this.getNodeParameter('searchColumn', itemIndex, 'ALL') as string;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const details: IDataObject = searchValue
		? { SEARCHTYPE: searchColumn === 'LOGINNAME' ? 'ACCOUNT' : 'RESOURCE', SEARCHCOLUMN: searchColumn, SEARCHVALUE: searchValue }
		: {};
	return await pam360AllItems.call(this, { method: 'GET', path: '/resources', details, itemIndex }, resourceRows, limit);
}
