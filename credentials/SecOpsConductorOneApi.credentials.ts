import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IAuthenticateGeneric,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { clientAssertion, tenantUrl } from '../nodes/ConductorOne/transport/tenant';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * ConductorOne API client credentials: the client secret is an Ed25519 key that signs an EdDSA client assertion
 * (RFC 7523) for `/auth/v1/token`. The access token is cached in a hidden expirable field and fetched again when it
 * is missing or ConductorOne answers 401.
 */
export class SecOpsConductorOneApi implements ICredentialType {
	name = 'secOpsConductorOneApi';

	displayName = 'ConductorOne (SecOps) API';

	icon = { light: 'file:../icons/conductorone.svg', dark: 'file:../icons/conductorone.dark.svg' } as const;

	documentationUrl = 'https://www.conductorone.com/docs/conductorone-api/authenticate';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. strange-hydra-68836@acme.conductor.one/pcc',
			description: 'The API key’s client ID (Admin → API keys, or a service principal); it names the tenant',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'secret-token:conductorone.com:v1:…',
			description: 'Shown once when the key is created; it holds the Ed25519 key that signs the token request',
		},
		{
			displayName: 'Tenant URL',
			name: 'tenantUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://acme.conductor.one',
			description: 'Leave empty to use the tenant named in the client ID; set it for a custom domain or a test server',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const clientId = String(credentials.clientId ?? '').trim();
		const tenant = tenantUrl(clientId, credentials.tenantUrl);
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${tenant}/auth/v1/token`,
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: clientId,
				grant_type: 'client_credentials',
				client_assertion_type: ASSERTION_TYPE,
				client_assertion: clientAssertion(clientId, tenant, credentials.clientSecret),
			}).toString(),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
		const body = (typeof response.body === 'string' ? safeJson(response.body) : response.body) as IDataObject;
		if (response.statusCode !== 200 || typeof body?.access_token !== 'string') {
			const reason = typeof body?.error_description === 'string' ? body.error_description : `HTTP ${response.statusCode}`;
			throw new Error(`ConductorOne did not issue an access token: ${reason.replace(/\.+$/, '')}. Check the client ID, the client secret and the tenant URL.`);
		}
		// The TypeScript SDK strips a leading "bearer " that some tenants put in the token itself.
		return { accessToken: body.access_token.replace(/^bearer\s+/i, '') };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.tenantUrl || ("https://" + String($credentials.clientId).split("@").pop().split("/")[0])).trim().replace(/\\/+$/, "") }}',
			url: '/api/v1/auth/introspect',
		},
	};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}
