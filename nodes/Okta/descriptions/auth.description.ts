import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The two Okta credentials; which one applies follows the Authentication parameter. */
export const oktaCredentials: INodeCredentialDescription[] = [
	{ name: 'secOpsOktaApi', required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
	{ name: 'secOpsOktaOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const oktaAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Token', value: 'apiToken' },
		{ name: 'OAuth2 Service App', value: 'oAuth2' },
	],
	default: 'apiToken',
};
