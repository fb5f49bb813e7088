import { authenticationSelector } from '../../shared/authentication';

/** The Vision One API key credential, shared by the node and the trigger. */
export const visionOneAuth = authenticationSelector([{ name: 'API Key', value: 'apiKey', credentialType: 'secOpsVisionOneApi' }]);
