import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { clientAssertion, dpopProof, newDpopKey } from './SecOpsOktaOAuth2.jwt';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function orgUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.url ?? '').trim().replace(/\/+$/, '');
}

/**
 * Okta OAuth 2.0 service app: client credentials with `private_key_jwt` (the only method Okta allows for Okta
 * scopes), optionally DPoP-bound. The access token is cached in a hidden expirable field and fetched again when
 * it is missing or Okta answers 401 (its lifetime is a fixed hour).
 */
export class SecOpsOktaOAuth2Api implements ICredentialType {
	name = 'secOpsOktaOAuth2Api';

	displayName = 'Okta (SecOps) OAuth2 Service App API';

	icon = { light: 'file:../icons/okta.svg', dark: 'file:../icons/okta.dark.svg' } as const;

	documentationUrl = 'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/';

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
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 0oa1abcdEFGHijklm697',
			description: 'The API Services app’s client ID (Applications → your app → General)',
		},
		{
			displayName: 'Private Key (PEM)',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PRIVATE KEY-----…',
			description: 'The RSA private key whose public half is registered on the app (Client authentication: Public key / Private key)',
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			description: 'The kid Okta shows for the public key; needed only when the app has several keys',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: 'okta.users.read okta.users.manage okta.groups.read okta.groups.manage okta.logs.read',
			required: true,
			description:
				'Space-separated Okta scopes granted to the app (Okta API Scopes tab). Add okta.eventHooks.manage to let the Event Hook Trigger register itself.',
		},
		{
			displayName: 'Require DPoP',
			name: 'useDpop',
			type: 'boolean',
			default: true,
			description:
				'Whether the app has "Require Demonstrating Proof of Possession (DPoP) header in token requests" ticked (Okta’s default for new service apps)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{ displayName: 'Authorization Scheme', name: 'authScheme', type: 'hidden', default: '' },
		{ displayName: 'DPoP Private Key', name: 'dpopPrivateKey', type: 'hidden', typeOptions: { password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const tokenUrl = `${orgUrl(credentials)}/oauth2/v1/token`;
		const dpopKey = credentials.useDpop ? newDpopKey() : '';
		let nonce: string | undefined;
		// With DPoP, Okta first answers `use_dpop_nonce` with a nonce to put in the proof; one retry then succeeds.
		for (let attempt = 0; attempt < 2; attempt++) {
			const request: IHttpRequestOptions = {
				method: 'POST',
				url: tokenUrl,
				headers: {
					Accept: 'application/json',
					'Content-Type': 'application/x-www-form-urlencoded',
					...(dpopKey ? { DPoP: dpopProof(dpopKey, { method: 'POST', url: tokenUrl, nonce }) } : {}),
				},
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					scope: String(credentials.scopes ?? '').trim().split(/\s+/).join(' '),
					client_assertion_type: ASSERTION_TYPE,
					client_assertion: clientAssertion(String(credentials.clientId ?? '').trim(), tokenUrl, String(credentials.privateKey ?? ''), (credentials.keyId as string) || undefined),
				}).toString(),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			};
			const response = (await this.helpers.httpRequest(request)) as { statusCode: number; headers: IDataObject; body: unknown };
			const body = (typeof response.body === 'string' ? safeJson(response.body) : response.body) as IDataObject;
			const nextNonce = response.headers['dpop-nonce'];
			if (response.statusCode === 400 && body?.error === 'use_dpop_nonce' && typeof nextNonce === 'string' && attempt === 0) {
				nonce = nextNonce;
				continue;
			}
			if (response.statusCode !== 200 || typeof body?.access_token !== 'string') {
				const reason = typeof body?.error_description === 'string' ? body.error_description : `HTTP ${response.statusCode}`;
				throw new Error(`Okta did not issue an access token: ${reason.replace(/\.+$/, '')}. Check the client ID, private key, scopes and the DPoP setting.`);
			}
			return { accessToken: body.access_token, authScheme: String(body.token_type ?? 'Bearer'), dpopPrivateKey: dpopKey };
		}
		throw new Error('Okta kept asking for a new DPoP nonce. Check the app’s DPoP setting.');
	}

	/** `Authorization: Bearer|DPoP <token>`, plus a fresh DPoP proof (with `ath`) for every request when bound. */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const token = String(credentials.accessToken ?? '');
		const dpop = credentials.authScheme === 'DPoP' && typeof credentials.dpopPrivateKey === 'string' && credentials.dpopPrivateKey !== '';
		const headers: IDataObject = { ...(requestOptions.headers ?? {}), Authorization: `${dpop ? 'DPoP' : 'Bearer'} ${token}` };
		if (dpop) {
			const url = requestUrl(requestOptions.url, requestOptions.baseURL || orgUrl(credentials));
			headers.DPoP = dpopProof(credentials.dpopPrivateKey as string, { method: requestOptions.method ?? 'GET', url, accessToken: token });
		} else {
			delete headers.DPoP;
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}',
			url: '/api/v1/users',
			qs: { limit: 1 },
		},
	};
}

/**
 * The URL the HTTP client will call, for the proof's `htu`: a relative URL is appended to the base as axios does, so
 * an org URL with a path (a proxy, the sandbox) keeps it; `new URL(relative, base)` would drop it.
 */
function requestUrl(url: string, base: string): string {
	if (/^https?:\/\//i.test(url)) return url;
	return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}
