import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * ManageEngine PAM360 REST API, with either of its two tokens: an API user's `AUTHTOKEN` (optionally for one
 * organization, `orgName`), or an RPA entry's App Token (`APP_AUTHTOKEN` with `APP_TYPE: 17`).
 */
export class SecOpsPam360Api implements ICredentialType {
	name = 'secOpsPam360Api';

	displayName = 'ManageEngine PAM360 (SecOps) API';

	icon = { light: 'file:../icons/pam360.svg', dark: 'file:../icons/pam360.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-secops/n8n-nodes-secops/blob/main/docs/pam360.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://pam360.acme.example:8282',
			description: 'The PAM360 server with its port (8282 by default), without /restapi',
		},
		{
			displayName: 'Token Type',
			name: 'authMode',
			type: 'options',
			default: 'apiUser',
			options: [
				{ name: 'API User', value: 'apiUser', description: 'The AUTHTOKEN of a user created under Users » Add API User' },
				{
					name: 'RPA App Token',
					value: 'appToken',
					description: 'The App Token of an entry under Admin » Integrations » Robotic Process Automation',
				},
			],
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['apiUser'] } },
		},
		{
			displayName: 'Organization Name',
			name: 'orgName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Acme SOC',
			description: "MSP editions: the organization's display name; empty uses the API user's own organization",
			displayOptions: { show: { authMode: ['apiUser'] } },
		},
		{
			displayName: 'App Token',
			name: 'appToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['appToken'] } },
			description: 'Works once an administrator approved the RPA entry (or approval is automatic), and until it expires',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a boolean toggle, named as n8n's own credentials name it (the shared vendorClient reads it); it holds no secret
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the server certificate cannot be validated (self-signed on-prem installs)',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const headers: Record<string, string> = {};
		if (credentials.authMode === 'appToken') {
			headers.APP_AUTHTOKEN = String(credentials.appToken ?? '');
			headers.APP_TYPE = '17';
		} else {
			headers.AUTHTOKEN = String(credentials.authToken ?? '');
			const org = String(credentials.orgName ?? '').trim();
			if (org) headers.orgName = org;
		}
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	// The call Cortex XSOAR's PAM360 integration tests with; every token that may act can make it.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}',
			url: '/restapi/json/v1/resources/resourcetypes',
			skipSslCertificateValidation: '={{$credentials.allowUnauthorizedCerts}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'PAM360 did not accept the token: check the Token Type, the token and the organization name' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'PAM360 refused the App Token: its RPA entry is pending approval or was rejected. Ask a PAM360 administrator to approve it under Admin » Integrations » Robotic Process Automation',
				},
			},
		],
	};
}
