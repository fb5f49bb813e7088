import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitOf, searchText } from '../../helpers/fields';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email', description: 'The user whose email equals the value' },
			{ name: 'Text', value: 'query', description: 'Users whose name, email or username contains the text' },
		],
		default: 'email',
	},
	{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. alice@acme.com', displayOptions: { show: { searchBy: ['email'] } } },
	{ displayName: 'Text', name: 'query', type: 'string', default: '', placeholder: 'e.g. alice', displayOptions: { show: { searchBy: ['query'] } } },
	...returnAllOrLimit({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const by = this.getNodeParameter('searchBy', itemIndex, 'email') as 'email' | 'query';
	const value = searchText(this.getNode(), this.getNodeParameter(by, itemIndex, ''), by === 'email' ? 'Email' : 'Text', itemIndex);
	const views = await conductorOneAllItems.call(this, { method: 'POST', path: '/api/v1/search/users', body: { [by]: value }, itemIndex }, limitOf.call(this, itemIndex));
	return views.map(({ user, ...related }) => ({ ...(user as IDataObject), ...related }));
}
