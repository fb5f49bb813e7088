import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { idValue, limitOf } from '../../helpers/fields';
import type { GrantFilter } from '../../helpers/grants';
import { searchGrants } from '../../helpers/grants';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'User', value: 'user', description: 'Everything one identity can reach, in every app (its blast radius)' },
			{ name: 'App', value: 'app', description: 'Every grant in one app' },
			{ name: 'Entitlement', value: 'entitlement', description: 'Everyone who holds one entitlement' },
		],
		default: 'user',
	},
	{ displayName: 'User ID', name: 'userId', type: 'string', default: '', placeholder: 'e.g. 2JkXq0p7Y1hT3mN9bVc4dE5fG6h', description: 'The ConductorOne user; find it with User → Search by email', displayOptions: { show: { searchBy: ['user'] } } },
	{ displayName: 'App ID', name: 'appId', type: 'string', default: '', placeholder: 'e.g. 2JkXq0p7Y1hT3mN9bVc4dE5fG6h', displayOptions: { show: { searchBy: ['app', 'entitlement'] } } },
	{ displayName: 'Entitlement ID', name: 'entitlementId', type: 'string', default: '', placeholder: 'e.g. 2LmYr1q8Z2iU4nO0cWd5eF6gH7i', displayOptions: { show: { searchBy: ['entitlement'] } } },
	...returnAllOrLimit({}),
];

export const description = updateDisplayOptions({ show: { resource: ['grant'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const by = this.getNodeParameter('searchBy', itemIndex, 'user') as string;
	let filter: GrantFilter;
	if (by === 'user') filter = { userId: idValue.call(this, itemIndex, 'userId', 'User ID') };
	else if (by === 'app') filter = { appIds: [idValue.call(this, itemIndex, 'appId', 'App ID')] };
	else filter = { entitlementRefs: [{ appId: idValue.call(this, itemIndex, 'appId', 'App ID'), id: idValue.call(this, itemIndex, 'entitlementId', 'Entitlement ID') }] };
	return await searchGrants.call(this, itemIndex, filter, limitOf.call(this, itemIndex));
}
