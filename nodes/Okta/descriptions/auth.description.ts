import { authenticationSelector } from '../../shared/authentication';

/** The two Okta credentials, shared by the node and both triggers. */
export const oktaAuth = authenticationSelector([
	{ name: 'API Token', value: 'apiToken', credentialType: 'secOpsOktaApi' },
	{ name: 'OAuth2 Service App', value: 'oAuth2', credentialType: 'secOpsOktaOAuth2Api' },
]);
