import { createHash, randomInt } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 64 random characters from [A-Za-z0-9], as Palo Alto's advanced-key examples build the nonce. */
function nonce(): string {
	return Array.from({ length: 64 }, () => NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)]).join('');
}

/**
 * The headers one XSOAR request carries: XSOAR 6 the raw key in `Authorization`; XSOAR 8 the key ID in
 * `x-xdr-auth-id` and either the key (standard) or, for an advanced key, sha256(key + nonce + timestamp) with a fresh
 * nonce and timestamp on every request, so a captured request cannot be replayed.
 */
export function xsoarAuthHeaders(credentials: ICredentialDataDecryptedObject, now = Date.now()): Record<string, string> {
	const key = String(credentials.apiKey ?? '').trim();
	if (credentials.version !== '8') return { Authorization: key };
	const keyId = String(credentials.apiKeyId ?? '').trim();
	if (credentials.keyType !== 'advanced') return { Authorization: key, 'x-xdr-auth-id': keyId };
	const requestNonce = nonce();
	const timestamp = String(Math.floor(now / 1000) * 1000);
	return {
		Authorization: createHash('sha256').update(`${key}${requestNonce}${timestamp}`).digest('hex'),
		'x-xdr-auth-id': keyId,
		'x-xdr-nonce': requestNonce,
		'x-xdr-timestamp': timestamp,
	};
}

/** Cortex XSOAR 6 (on-prem server) or 8 (cloud and 8.x on-prem, standard or advanced API key). */
export class SecOpsXsoarApi implements ICredentialType {
	name = 'secOpsXsoarApi';

	displayName = 'Cortex XSOAR (SecOps) API';

	icon = { light: 'file:../icons/xsoar.svg', dark: 'file:../icons/xsoar.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-secops/n8n-nodes-secops/blob/main/docs/xsoar.md';

	properties: INodeProperties[] = [
		{
			displayName: 'XSOAR Version',
			name: 'version',
			type: 'options',
			options: [
				{ name: 'XSOAR 6 (On-Prem Server)', value: '6' },
				{ name: 'XSOAR 8 (Cloud or 8.x On-Prem)', value: '8' },
			],
			default: '6',
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://xsoar.acme.com or https://api-acme.xdr.us.paloaltonetworks.com',
			description:
				'XSOAR 6: the server URL. XSOAR 8: the API URL (Settings → API Keys → Copy API URL, https://api-{fqdn}) without /xsoar.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key inherits the roles of the user who created it',
		},
		{
			displayName: 'API Key ID',
			name: 'apiKeyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 12',
			description: 'The ID column of the key under Settings → API Keys',
			displayOptions: { show: { version: ['8'] } },
		},
		{
			displayName: 'Key Type',
			name: 'keyType',
			type: 'options',
			options: [
				{ name: 'Standard', value: 'standard', description: 'The key is sent as it is' },
				{ name: 'Advanced', value: 'advanced', description: 'Every request is signed with a nonce and a timestamp' },
			],
			default: 'standard',
			description: 'The security level chosen when the key was created',
			displayOptions: { show: { version: ['8'] } },
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a boolean, not a secret: the rule matches "auth" in the name the shared client reads
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the certificate is invalid (XSOAR 6 servers ship a self-signed one)',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...xsoarAuthHeaders(credentials) } };
	}

	// The key's own user: every key may read it, on both versions (XSOAR 8 through the /xsoar path set).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "") + ($credentials.version === "8" ? "/xsoar" : "")}}',
			url: '/user',
			skipSslCertificateValidation: '={{$credentials.allowUnauthorizedCerts}}',
		},
	};
}
