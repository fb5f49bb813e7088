import { authenticationSelector } from '../../shared/authentication';

/** The ConductorOne credential (client ID + Ed25519 client secret). */
export const conductorOneAuth = authenticationSelector([
	{ name: 'API Client Credentials', value: 'clientCredentials', credentialType: 'secOpsConductorOneApi' },
]);
