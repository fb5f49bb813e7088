import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { idValue, limitOf, searchText } from '../../helpers/fields';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'User', value: 'user', description: 'Every account of one ConductorOne user, service accounts they own included' },
			{ name: 'Text', value: 'query', description: 'Accounts whose name, email or username contains the text' },
		],
		default: 'user',
	},
	{ displayName: 'User ID', name: 'userId', type: 'string', default: '', placeholder: 'e.g. 2JkXq0p7Y1hT3mN9bVc4dE5fG6h', displayOptions: { show: { searchBy: ['user'] } } },
	{ displayName: 'Text', name: 'query', type: 'string', default: '', placeholder: 'e.g. alice', displayOptions: { show: { searchBy: ['query'] } } },
	{ displayName: 'App ID', name: 'appId', type: 'string', default: '', description: 'Only accounts in this app; leave empty for every app' },
	...returnAllOrLimit({}),
];

export const description = updateDisplayOptions({ show: { resource: ['appUser'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const by = this.getNodeParameter('searchBy', itemIndex, 'user') as string;
	const body: IDataObject =
		by === 'user' ? { userIds: [idValue.call(this, itemIndex, 'userId', 'User ID')] } : { query: searchText(this.getNode(), this.getNodeParameter('query', itemIndex, ''), 'Text', itemIndex) };
	if (String(this.getNodeParameter('appId', itemIndex, '') ?? '').trim()) body.appId = idValue.call(this, itemIndex, 'appId', 'App ID');
	const views = await conductorOneAllItems.call(this, { method: 'POST', path: '/api/v1/search/app_users', body, itemIndex }, limitOf.call(this, itemIndex));
	return views.map(({ appUser, ...related }) => ({ ...(appUser as IDataObject), ...related }));
}
