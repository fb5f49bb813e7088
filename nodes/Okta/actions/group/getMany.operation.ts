import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, simplify } from '../../../shared/descriptions';
import { requireText } from '../../../shared/validation';
import { scimString } from '../../helpers/filter';
import { simplifyGroup } from '../../helpers/group';
import { oktaApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'All Groups', value: 'all' },
			{ name: 'Name', value: 'name', description: 'The group whose name equals the value (quoted safely)' },
			{ name: 'Name Prefix', value: 'prefix', description: 'Groups whose name starts with the value' },
			{
				name: 'Raw Search Expression',
				value: 'raw',
				description: 'An Okta search expression passed as typed. Do not build it from alert data.',
			},
		],
		default: 'all',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. VPN Users',
		description: 'Compared with equals; quotes and backslashes in the value are escaped',
		displayOptions: { show: { searchBy: ['name', 'prefix'] } },
	},
	{
		displayName: 'Search Expression',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. type eq "OKTA_GROUP"',
		description: 'Raw Okta search expression, sent unchanged. Use Name for values from incoming items.',
		displayOptions: { show: { searchBy: ['raw'] } },
	},
	...returnAllOrLimit({}),
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const by = this.getNodeParameter('searchBy', itemIndex, 'all') as string;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const qs: IDataObject = { limit: Math.min(limit ?? 1000, 1000) };
	if (by === 'name') qs.search = `profile.name eq ${scimString(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex)}`;
	if (by === 'prefix') qs.q = requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex, 'Enter the start of a group name, e.g. VPN.');
	if (by === 'raw') qs.search = requireText(node, this.getNodeParameter('search', itemIndex), 'Search Expression', itemIndex, 'Enter an Okta search expression, e.g. type eq "OKTA_GROUP".');
	const groups = await oktaApiRequestAllItems.call(this, '/api/v1/groups', qs, limit, itemIndex);
	return this.getNodeParameter('simplify', itemIndex, true) ? groups.map(simplifyGroup) : groups;
}
