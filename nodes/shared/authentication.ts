import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { ApiContext } from './types';

/** One way a vendor node can authenticate: the Authentication option and the credential type it selects. */
export interface AuthenticationMode {
	/** The option's label, e.g. "API Token". */
	name: string;
	/** The option's value, e.g. `apiToken`. */
	value: string;
	credentialType: string;
}

export interface AuthenticationSelector {
	/** The node's `credentials`: each credential shown only for its Authentication option. */
	credentials: INodeCredentialDescription[];
	/** The node's Authentication parameter. */
	property: INodeProperties;
	/** The credential type the node uses (the first mode when the parameter is unset, as its default). */
	credentialType(ctx: ApiContext): string;
}

/**
 * A vendor's Authentication parameter and credential list, built once and shared by its node and triggers. The
 * parameter is a fixed option, never an expression, so the credential in use is read from the raw parameters: that
 * works in every context (execute, poll, webhook, load options) and before any item exists.
 */
export function authenticationSelector(modes: [AuthenticationMode, ...AuthenticationMode[]]): AuthenticationSelector {
	const defaultMode = modes[0].value;
	return {
		credentials: modes.map((mode) => ({
			name: mode.credentialType,
			required: true,
			displayOptions: { show: { authentication: [mode.value] } },
		})),
		property: {
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: defaultMode,
			options: modes.map(({ name, value }) => ({ name, value })),
		},
		credentialType(ctx) {
			const chosen = ctx.getNode().parameters.authentication;
			return (modes.find((mode) => mode.value === chosen) ?? modes[0]).credentialType;
		},
	};
}
