import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idsFromNames } from '../../helpers/locate';
import { detailText, detailsFrom, secretText } from '../../helpers/values';
import { pam360ApiRequest } from '../../transport';

export const RESOURCE_FIELDS: Record<string, [string, string]> = {
	description: ['RESOURCEDESCRIPTION', 'Description'],
	resourceUrl: ['RESOURCEURL', 'Resource URL'],
	dnsName: ['DNSNAME', 'DNS Name or IP'],
	location: ['LOCATION', 'Location'],
	department: ['DEPARTMENT', 'Department'],
	ownerName: ['OWNERNAME', 'Owner Name'],
	resourcePasswordPolicy: ['RESOURCEPASSWORDPOLICY', 'Resource Password Policy'],
};

const text = (displayName: string, name: string, placeholder: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	...(description ? { description } : {}),
});

export const resourceFieldOptions: INodeProperties[] = [
	text('Department', 'department', 'e.g. Finance'),
	text('Description', 'description', 'e.g. Finance file server'),
	text('DNS Name or IP', 'dnsName', 'e.g. fin-srv-09.acme.example'),
	text('Location', 'location', 'e.g. Plaza - South Wing'),
	text('Owner Name', 'ownerName', 'e.g. admin', 'The PAM360 user who owns the resource'),
	text('Resource Password Policy', 'resourcePasswordPolicy', 'e.g. Strong'),
	text('Resource URL', 'resourceUrl', 'e.g. https://fin-srv-09.acme.example'),
];

const properties: INodeProperties[] = [
	{ ...text('Resource Name', 'resourceName', 'e.g. SOUTH-FIN-WINSERQA-09'), required: true },
	{ ...text('Resource Type', 'resourceType', 'e.g. Windows', 'As named in PAM360 (Windows, Linux, MS SQL server…); empty uses the default type'), default: 'Windows' },
	{ ...text('Account Name', 'accountName', 'e.g. administrator', 'The first account of the resource'), required: true },
	{
		displayName: 'Account Password',
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
			text('Account Password Policy', 'accountPasswordPolicy', 'e.g. Strong'),
			...resourceFieldOptions,
			text('Domain Name', 'domainName', 'e.g. ACME'),
			text('Notes', 'notes', 'e.g. Onboarded by n8n'),
			text('Resource Group Name', 'resourceGroupName', 'e.g. Finance Servers'),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['resource'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const resourceName = detailText(node, this.getNodeParameter('resourceName', itemIndex), 'Resource Name', itemIndex, true) as string;
	const accountName = detailText(node, this.getNodeParameter('accountName', itemIndex), 'Account Name', itemIndex, true) as string;
	const resourceType = detailText(node, this.getNodeParameter('resourceType', itemIndex, ''), 'Resource Type', itemIndex);
	const password = secretText(node, this.getNodeParameter('password', itemIndex, ''), 'Account Password', itemIndex);
	const extra = detailsFrom(node, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, {
		...RESOURCE_FIELDS,
		accountPasswordPolicy: ['ACCOUNTPASSWORDPOLICY', 'Account Password Policy'],
		domainName: ['DOMAINNAME', 'Domain Name'],
		notes: ['NOTES', 'Notes'],
		resourceGroupName: ['RESOURCEGROUPNAME', 'Resource Group Name'],
	}, itemIndex);
	const details: IDataObject = {
		RESOURCENAME: resourceName,
		ACCOUNTNAME: accountName,
		...(resourceType ? { RESOURCETYPE: resourceType } : {}),
		...(password ? { PASSWORD: password } : {}),
		...extra,
	};
	const created = await pam360ApiRequest.call(this, { method: 'POST', path: '/resources', details, itemIndex });
	// The answer carries no IDs; looking them up lets the next node use the resource and account right away.
	const ids = await idsFromNames(this, resourceName, accountName, itemIndex);
	return { ...ids, resourceName, accountName, message: created.result?.message ?? '' };
}
