import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import { TokenStore } from '../../framework/auth';
import type { Clock } from '../../framework/clock';

/** A service app registered in the org: `private_key_jwt` with one public key, optionally requiring DPoP. */
export interface ServiceApp {
	clientId: string;
	publicKey: KeyObject;
	requireDpop: boolean;
	/** Okta scopes granted to the app; requesting others answers `invalid_scope`. */
	grantedScopes: string[];
}

export interface IssuedToken {
	clientId: string;
	scopes: string[];
	expiresAt: number;
	/** JWK SHA-256 thumbprint of the DPoP key the token is bound to. */
	jkt?: string;
}

export interface OAuthState {
	apps: ServiceApp[];
	tokens: TokenStore<IssuedToken>;
	/** Assertion and proof `jti`s already used: a replay is refused. */
	usedJtis: Set<string>;
	dpopNonce: string;
	tokenCounter: number;
}

export const SERVICE_APP_CLIENT_ID = '0oasbxsecopssvc00001';
export const DPOP_SERVICE_APP_CLIENT_ID = '0oasbxsecopsdpop0001';
export const GRANTED_SCOPES = [
	'okta.users.read',
	'okta.users.manage',
	'okta.groups.read',
	'okta.groups.manage',
	'okta.logs.read',
	'okta.eventHooks.read',
	'okta.eventHooks.manage',
];

let keyPair: { publicKey: KeyObject; privateKeyPem: string } | undefined;

/** One RSA key pair per sandbox process (generating one per reset would slow tests); its private half is a sample credential. */
export function serviceAppKeys(): { publicKey: KeyObject; privateKeyPem: string } {
	if (!keyPair) {
		const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
		keyPair = { publicKey: pair.publicKey, privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
	}
	return keyPair;
}

export function createOAuthState(clock: Clock): OAuthState {
	const { publicKey } = serviceAppKeys();
	return {
		apps: [
			{ clientId: SERVICE_APP_CLIENT_ID, publicKey, requireDpop: false, grantedScopes: GRANTED_SCOPES },
			{ clientId: DPOP_SERVICE_APP_CLIENT_ID, publicKey, requireDpop: true, grantedScopes: GRANTED_SCOPES },
		],
		tokens: new TokenStore(clock),
		usedJtis: new Set(),
		dpopNonce: 'sbxNonce-0001',
		tokenCounter: 0,
	};
}
