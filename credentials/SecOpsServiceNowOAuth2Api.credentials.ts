import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** Renew this long before `expires_in` runs out, so a token never expires in the middle of a workflow. */
const REFRESH_MARGIN_MS = 60_000;

function form(fields: Record<string, unknown>): string {
	return Object.entries(fields)
		.filter(([, value]) => typeof value === 'string' && value !== '')
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value as string)}`)
		.join('&');
}

/**
 * ServiceNow OAuth 2.0 against `/oauth_token.do` with the password or the client-credentials grant (no browser
 * consent, so it works for unattended workflows). The token lives in a hidden expirable field: n8n fetches it through
 * `preAuthentication` when it is empty and again after a 401. Named apart from n8n's built-in `serviceNowOAuth2Api`.
 */
export class SecOpsServiceNowOAuth2Api implements ICredentialType {
	name = 'secOpsServiceNowOAuth2Api';

	displayName = 'ServiceNow (SecOps) OAuth2 API';

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
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description:
						'Needs glide.oauth.inbound.client.credential.grant_type.enabled=true and an OAuth Application User',
				},
				{
					name: 'Password',
					value: 'password',
					description: 'Resource-owner password grant with an integration user',
				},
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { grantType: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { grantType: ['password'] } },
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			placeholder: 'e.g. useraccount',
			description: 'Optional; leave empty for the OAuth entity default',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Valid Until',
			name: 'validUntil',
			type: 'hidden',
			default: 0,
		},
	];

	/** Exchanges the client (and user) credentials for a bearer token; form-encoded, as ServiceNow requires. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const base = String(credentials.instanceUrl ?? '').trim().replace(/\/+$/, '');
		const password = credentials.grantType === 'password';
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${base}/oauth_token.do`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form({
				grant_type: password ? 'password' : 'client_credentials',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
				username: password ? credentials.username : undefined,
				password: password ? credentials.password : undefined,
				scope: credentials.scope,
			}),
		})) as IDataObject;
		const expiresIn = Number(response.expires_in ?? 1800);
		return {
			accessToken: String(response.access_token ?? ''),
			validUntil: Date.now() + (Number.isFinite(expiresIn) ? expiresIn : 1800) * 1000,
		};
	}

	/**
	 * n8n re-runs `preAuthentication` only when the token is empty or a call answers 401. A token about to expire is
	 * therefore not sent: ServiceNow answers 401 at once, n8n fetches a fresh token and replays the call, so a call
	 * never fails halfway through a token's last minute.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const expiresAt = Number(credentials.validUntil ?? 0);
		const fresh = expiresAt === 0 || expiresAt - REFRESH_MARGIN_MS > Date.now();
		if (!credentials.accessToken || !fresh) return requestOptions;
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${credentials.accessToken as string}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.instanceUrl.replace(/\\/+$/, "")}}',
			url: '/api/now/table/sys_user',
			qs: { sysparm_limit: 1, sysparm_fields: 'sys_id' },
		},
	};
}
