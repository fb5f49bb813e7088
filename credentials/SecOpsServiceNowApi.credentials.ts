import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** ServiceNow Basic auth on any instance host. Named apart from n8n's built-in `serviceNowBasicApi`. */
export class SecOpsServiceNowApi implements ICredentialType {
	name = 'secOpsServiceNowApi';

	displayName = 'ServiceNow (SecOps) Basic Auth API';

	icon = { light: 'file:../icons/servicenow.svg', dark: 'file:../icons/servicenow.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-secops/n8n-nodes-secops/blob/main/docs/servicenow.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Instance URL',
			name: 'instanceUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://acme.service-now.com',
			description: 'Your instance URL or custom domain, without /api/now',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'An integration user with the itil role (see the docs for the roles each operation needs)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.username}}', password: '={{$credentials.password}}' } },
	};

	// One row of sys_user is the cheapest call every itil user may make.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.instanceUrl.replace(/\\/+$/, "")}}',
			url: '/api/now/table/sys_user',
			qs: { sysparm_limit: 1, sysparm_fields: 'sys_id' },
		},
	};
}
