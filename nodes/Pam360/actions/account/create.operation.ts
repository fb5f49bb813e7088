import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { resourceRLC } from '../../descriptions/locators.description';
import { accountId, resourceId } from '../../helpers/locate';
import { detailText, detailsFrom, secretText } from '../../helpers/values';
import { pam360ApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	resourceRLC,
	{ displayName: 'Account Name', name: 'accountName', type: 'string', default: '', required: true, placeholder: 'e.g. svc-backup' },
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "The account's current password; empty lets PAM360 generate one by the account password policy",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Account Password Policy', name: 'accountPolicy', type: 'string', default: '', placeholder: 'e.g. Strong' },
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '', placeholder: 'e.g. Backup service account' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const accountName = detailText(node, this.getNodeParameter('accountName', itemIndex), 'Account Name', itemIndex, true) as string;
	const password = secretText(node, this.getNodeParameter('password', itemIndex, ''), 'Password', itemIndex);
	const extra = detailsFrom(node, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, {
		accountPolicy: ['ACCOUNTPASSWORDPOLICY', 'Account Password Policy'],
		notes: ['NOTES', 'Notes'],
	}, itemIndex);
	const resource = await resourceId(this, this.getNodeParameter('pamResource', itemIndex), itemIndex);
	const answer = await pam360ApiRequest.call(this, {
		method: 'POST',
		path: `/resources/${resource}/accounts`,
		details: { ACCOUNTLIST: [{ ACCOUNTNAME: accountName, ...(password ? { PASSWORD: password } : {}), ...extra }] },
		itemIndex,
	});
	// ADD ACCOUNTS reports each account on its own: [{"<name>": {"STATUS": "..."}}], Success overall.
	const statuses = Array.isArray(answer.Details) ? (answer.Details as IDataObject[]) : [];
	const status = String(((statuses.find((s) => accountName in s)?.[accountName] ?? {}) as IDataObject).STATUS ?? '');
	if (!/success/i.test(status)) {
		throw new NodeApiError(node, { message: `PAM360: ${status || 'the account was not added'}` }, {
			message: `PAM360: ${status || 'the account was not added'}`,
			description: 'Check that no account of this resource has the same name.',
			itemIndex,
		});
	}
	const id = await accountId(this, resource, { __rl: true, mode: 'name', value: accountName }, itemIndex);
	return { resourceId: decodeURIComponent(resource), accountId: decodeURIComponent(id), accountName, message: status };
}
