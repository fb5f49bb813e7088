import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, simplify } from '../../../shared/descriptions';
import { requireText } from '../../../shared/validation';
import { scimString } from '../../helpers/filter';
import { simplifyUser } from '../../helpers/user';
import { oktaApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'All Users', value: 'all', description: 'Every user except deactivated ones' },
			{ name: 'Email', value: 'email', description: 'Users whose primary email equals the value (quoted safely)' },
			{ name: 'Login', value: 'login', description: 'The user whose login equals the value (quoted safely)' },
			{ name: 'Name or Email Prefix', value: 'prefix', description: "Okta's quick search on first name, last name or email" },
			{
				name: 'Raw Search Expression',
				value: 'raw',
				description: 'An Okta search expression passed as typed. Do not build it from alert data.',
			},
			{ name: 'Status', value: 'status', description: 'Users in one lifecycle status' },
		],
		default: 'all',
	},
	{
		displayName: 'Login',
		name: 'login',
		type: 'string',
		default: '',
		placeholder: 'e.g. alice@acme.com',
		description: 'Compared with equals; quotes and backslashes in the value are escaped',
		displayOptions: { show: { searchBy: ['login'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. alice@acme.com',
		description: 'Compared with equals; quotes and backslashes in the value are escaped',
		displayOptions: { show: { searchBy: ['email'] } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'ACTIVE' },
			{ name: 'Deprovisioned', value: 'DEPROVISIONED' },
			{ name: 'Locked Out', value: 'LOCKED_OUT' },
			{ name: 'Password Expired', value: 'PASSWORD_EXPIRED' },
			{ name: 'Provisioned', value: 'PROVISIONED' },
			{ name: 'Recovery', value: 'RECOVERY' },
			{ name: 'Staged', value: 'STAGED' },
			{ name: 'Suspended', value: 'SUSPENDED' },
		],
		default: 'SUSPENDED',
		displayOptions: { show: { searchBy: ['status'] } },
	},
	{
		displayName: 'Prefix',
		name: 'prefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. ali',
		description: 'Matches the start of first name, last name or email. Okta returns at most the limit, without paging.',
		displayOptions: { show: { searchBy: ['prefix'] } },
	},
	{
		displayName: 'Search Expression',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. profile.department eq "Finance" and status eq "ACTIVE"',
		description:
			'Raw Okta search expression, sent unchanged. Values from incoming items are not escaped here: use Login, Email or Status for those.',
		displayOptions: { show: { searchBy: ['raw'] } },
	},
	...returnAllOrLimit({}),
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getMany'] } }, properties);

function searchQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const by = this.getNodeParameter('searchBy', itemIndex, 'all') as string;
	if (by === 'login') return { search: `profile.login eq ${scimString(node, this.getNodeParameter('login', itemIndex), 'Login', itemIndex)}` };
	if (by === 'email') return { search: `profile.email eq ${scimString(node, this.getNodeParameter('email', itemIndex), 'Email', itemIndex)}` };
	if (by === 'status') return { search: `status eq ${scimString(node, this.getNodeParameter('status', itemIndex), 'Status', itemIndex)}` };
	if (by === 'prefix') return { q: requireText(node, this.getNodeParameter('prefix', itemIndex, ''), 'Prefix', itemIndex, 'Enter the start of a name or email, e.g. ali.') };
	if (by === 'raw') return { search: requireText(node, this.getNodeParameter('search', itemIndex, ''), 'Search Expression', itemIndex, 'Enter an Okta search expression, e.g. status eq "ACTIVE".') };
	return {};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const qs = searchQuery.call(this, itemIndex);
	const users = await oktaApiRequestAllItems.call(this, '/api/v1/users', { ...qs, limit: Math.min(limit ?? 200, 200) }, limit, itemIndex);
	return this.getNodeParameter('simplify', itemIndex, true) ? users.map(simplifyUser) : users;
}
