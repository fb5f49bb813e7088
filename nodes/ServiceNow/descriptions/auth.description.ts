import { authenticationSelector } from '../../shared/authentication';

/** The two ServiceNow credentials, shared by the node and the trigger. */
export const serviceNowAuth = authenticationSelector([
	{ name: 'Basic Auth', value: 'basicAuth', credentialType: 'secOpsServiceNowApi' },
	{ name: 'OAuth2', value: 'oAuth2', credentialType: 'secOpsServiceNowOAuth2Api' },
]);
