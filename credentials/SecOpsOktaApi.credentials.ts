import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Okta API token (`Authorization: SSWS …`). Named apart from n8n's built-in `oktaApi`. */
export class SecOpsOktaApi implements ICredentialType {
	name = 'secOpsOktaApi';

	displayName = 'Okta (SecOps) API';

	icon = { light: 'file:../icons/okta.svg', dark: 'file:../icons/okta.dark.svg' } as const;

	documentationUrl = 'https://developer.okta.com/docs/guides/create-an-api-token/main/';

	properties: INodeProperties[] = [
		{
			displayName: 'Org URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://acme.okta.com',
			description: 'Your Okta org URL or custom domain, without /api/v1',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created under Security → API → Tokens. The token acts with the permissions of the admin who created it.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=SSWS {{$credentials.apiToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}',
			url: '/api/v1/users/me',
		},
	};
}
