import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The two ServiceNow credentials; which one applies follows the Authentication parameter. */
export const serviceNowCredentials: INodeCredentialDescription[] = [
	{ name: 'secOpsServiceNowApi', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
	{ name: 'secOpsServiceNowOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const serviceNowAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Basic Auth', value: 'basicAuth' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'basicAuth',
};
