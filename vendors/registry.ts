import { generateKeyPairSync } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Every vendor the package ships, declared once. package.json's `n8n` section, the sandbox's vendor list and the test
 * harness's credentials must agree with it, and test/completeness.test.ts checks that each vendor has every part
 * (codex, icons, docs, README row, credential tests, sandbox module, effect vocabulary, Dry Run).
 *
 * Dev-only, like sandbox/ and test/: nothing in nodes/ or credentials/ imports it and tsconfig.json's build does not
 * include vendors/, so it never reaches dist/ (the completeness test checks both).
 */

/** A vendor's sample credentials as the sandbox serves them (`GET /__admin/credentials`, `sandbox.credentials(id)`). */
export type SandboxSample = Record<string, string | number | boolean>;

export interface CredentialEntry {
	/** The credential type's `name`. */
	type: string;
	/** As listed in package.json `n8n.credentials`. */
	dist: string;
	/** The credential's data against the sandbox, built from the vendor's sample credentials. */
	sample(sandbox: SandboxSample): ICredentialDataDecryptedObject;
	/** Given `sample`'s data, the fields that replace its secret with a wrong one: the credential test must then fail. */
	wrongSecret(sample: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject;
}

export interface VendorEntry {
	/** Lower-case id: icon and docs file names, and the sandbox vendor by default. */
	id: string;
	displayName: string;
	/** Action nodes, as listed in package.json `n8n.nodes`. */
	nodes: string[];
	/** Trigger nodes, likewise. */
	triggers: string[];
	/** The first is the one workflows and the test harness use unless a test picks another. */
	credentials: CredentialEntry[];
	/** `module`: the folder under sandbox/vendors/; `prefix`: its VendorModule `name`, the URL path it is served under. */
	sandbox: { module: string; prefix: string };
	/** Relative to the repository root. */
	docs: string;
	icons: { light: string; dark: string };
}

const credentialDist = (className: string) => `dist/credentials/${className}.credentials.js`;
const nodeDist = (folder: string) => `dist/nodes/${folder}/${folder}.node.js`;

let otherRsaKey: string | undefined;
/** A well-formed private key that no sandbox service app has registered. */
function unregisteredPrivateKey(): string {
	otherRsaKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
	return otherRsaKey;
}

let otherEd25519Secret: string | undefined;
/** A well-formed ConductorOne client secret whose key no sandbox client has registered. */
function unregisteredConductorOneSecret(): string {
	const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
	otherEd25519Secret ??= `secret-token:conductorone.com:v1:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;
	return otherEd25519Secret;
}

export const VENDORS: VendorEntry[] = [
	{
		id: 'okta',
		displayName: 'Okta',
		nodes: [nodeDist('Okta')],
		triggers: [nodeDist('OktaTrigger'), nodeDist('OktaEventHookTrigger')],
		credentials: [
			{
				type: 'secOpsOktaApi',
				dist: credentialDist('SecOpsOktaApi'),
				sample: (s) => ({ url: s.url, apiToken: s.apiToken }),
				wrongSecret: (c) => ({ apiToken: `${String(c.apiToken)}-wrong` }),
			},
			{
				type: 'secOpsOktaOAuth2Api',
				dist: credentialDist('SecOpsOktaOAuth2Api'),
				sample: (s) => ({ url: s.url, clientId: s.clientId, privateKey: s.privateKey, scopes: s.scopes, useDpop: false, accessToken: '' }),
				wrongSecret: () => ({ privateKey: unregisteredPrivateKey() }),
			},
			// Okta sends this secret to us; nothing at Okta tests it, the Event Hook Trigger's `testedBy` does.
			{
				type: 'secOpsOktaEventHookApi',
				dist: credentialDist('SecOpsOktaEventHookApi'),
				sample: () => ({ headerName: 'Authorization', secret: 'sandbox-event-hook-secret-example' }),
				wrongSecret: () => ({ secret: 'short' }),
			},
		],
		sandbox: { module: 'okta', prefix: 'okta' },
		docs: 'docs/okta.md',
		icons: { light: 'icons/okta.svg', dark: 'icons/okta.dark.svg' },
	},
	{
		id: 'servicenow',
		displayName: 'ServiceNow',
		nodes: [nodeDist('ServiceNow')],
		triggers: [nodeDist('ServiceNowTrigger')],
		credentials: [
			{
				type: 'secOpsServiceNowApi',
				dist: credentialDist('SecOpsServiceNowApi'),
				sample: (s) => ({ instanceUrl: s.instanceUrl, username: s.username, password: s.password }),
				wrongSecret: (c) => ({ password: `${String(c.password)}-wrong` }),
			},
			{
				type: 'secOpsServiceNowOAuth2Api',
				dist: credentialDist('SecOpsServiceNowOAuth2Api'),
				sample: (s) => ({
					instanceUrl: s.instanceUrl,
					grantType: 'clientCredentials',
					clientId: s.clientId,
					clientSecret: s.clientSecret,
					scope: '',
					accessToken: '',
					validUntil: 0,
				}),
				wrongSecret: (c) => ({ clientSecret: `${String(c.clientSecret)}-wrong` }),
			},
		],
		sandbox: { module: 'servicenow', prefix: 'servicenow' },
		docs: 'docs/servicenow.md',
		icons: { light: 'icons/servicenow.svg', dark: 'icons/servicenow.dark.svg' },
	},
	{
		id: 'pam360',
		displayName: 'ManageEngine PAM360',
		nodes: [nodeDist('Pam360')],
		triggers: [],
		credentials: [
			// One credential, two token types: the sample is the API user; test/pam360 covers the RPA App Token.
			{
				type: 'secOpsPam360Api',
				dist: credentialDist('SecOpsPam360Api'),
				sample: (s) => ({ url: s.url, authMode: 'apiUser', authToken: s.authToken, orgName: s.orgName, appToken: '', allowUnauthorizedCerts: false }),
				wrongSecret: (c) => ({ authToken: `${String(c.authToken)}-wrong` }),
			},
		],
		sandbox: { module: 'pam360', prefix: 'pam360' },
		docs: 'docs/pam360.md',
		icons: { light: 'icons/pam360.svg', dark: 'icons/pam360.dark.svg' },
	},
	{
		id: 'conductorone',
		displayName: 'ConductorOne',
		nodes: [nodeDist('ConductorOne')],
		triggers: [],
		credentials: [
			{
				type: 'secOpsConductorOneApi',
				dist: credentialDist('SecOpsConductorOneApi'),
				sample: (s) => ({ clientId: s.clientId, clientSecret: s.clientSecret, tenantUrl: s.tenantUrl, accessToken: '' }),
				wrongSecret: () => ({ clientSecret: unregisteredConductorOneSecret() }),
			},
		],
		sandbox: { module: 'conductorone', prefix: 'conductorone' },
		docs: 'docs/conductorone.md',
		icons: { light: 'icons/conductorone.svg', dark: 'icons/conductorone.dark.svg' },
	},
	{
		id: 'xsoar',
		displayName: 'Cortex XSOAR',
		nodes: [nodeDist('Xsoar')],
		triggers: [nodeDist('XsoarTrigger')],
		credentials: [
			{
				type: 'secOpsXsoarApi',
				dist: credentialDist('SecOpsXsoarApi'),
				// XSOAR 6; test/xsoar runs the same credential test against XSOAR 8 with standard and advanced keys.
				sample: (s) => ({ version: '6', url: s.url, apiKey: s.apiKey, apiKeyId: '', keyType: 'standard', allowUnauthorizedCerts: false }),
				wrongSecret: (c) => ({ apiKey: `${String(c.apiKey)}-wrong` }),
			},
		],
		sandbox: { module: 'xsoar', prefix: 'xsoar' },
		docs: 'docs/xsoar.md',
		icons: { light: 'icons/xsoar.svg', dark: 'icons/xsoar.dark.svg' },
	},
	{
		id: 'visionone',
		displayName: 'Trend Vision One',
		nodes: [nodeDist('VisionOne')],
		triggers: [nodeDist('VisionOneTrigger')],
		credentials: [
			{
				type: 'secOpsVisionOneApi',
				dist: credentialDist('SecOpsVisionOneApi'),
				sample: (s) => ({ region: 'custom', url: s.url, apiKey: s.apiKey }),
				wrongSecret: (c) => ({ apiKey: `${String(c.apiKey)}-wrong` }),
			},
		],
		sandbox: { module: 'visionone', prefix: 'visionone' },
		docs: 'docs/vision-one.md',
		icons: { light: 'icons/visionone.svg', dark: 'icons/visionone.dark.svg' },
	},
];
