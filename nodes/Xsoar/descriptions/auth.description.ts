import { authenticationSelector } from '../../shared/authentication';

/** The XSOAR credential (versions 6 and 8), shared by the node and the trigger. */
export const xsoarAuth = authenticationSelector([{ name: 'API Key', value: 'apiKey', credentialType: 'secOpsXsoarApi' }]);
