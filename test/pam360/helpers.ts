import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { Pam360State } from '../../sandbox/vendors/pam360/state';
import { Engine, sandboxCredentials } from '../harness';
import type { WorkflowJson } from '../harness';

export type TokenType = 'apiUser' | 'appToken';

/** The PAM360 credential against the sandbox in one token mode; `url` overrides the server (the HTTPS front). */
export function pam360Credential(sandbox: Sandbox, tokenType: TokenType, extra: IDataObject = {}): ICredentialDataDecryptedObject {
	const sample = sandbox.credentials('pam360');
	return {
		url: sample.url,
		authMode: tokenType,
		authToken: tokenType === 'apiUser' ? sample.authToken : '',
		orgName: tokenType === 'apiUser' ? sample.orgName : '',
		appToken: tokenType === 'appToken' ? sample.appToken : '',
		allowUnauthorizedCerts: false,
		...extra,
	} as ICredentialDataDecryptedObject;
}

/** An engine whose PAM360 credential is `credential`. */
export function pam360Engine(sandbox: Sandbox, credential: ICredentialDataDecryptedObject): Engine {
	return new Engine({ ...sandboxCredentials(sandbox), secOpsPam360Api: credential });
}

export function pam360Workflow(parameters: IDataObject, extra: { onError?: string } = {}): WorkflowJson {
	return {
		name: 'PAM360 (test)',
		nodes: [
			{
				id: '7c2e1d3f-0000-4000-8000-000000000360',
				name: 'PAM360',
				type: 'n8n-nodes-secops.pam360',
				typeVersion: 1,
				position: [0, 0],
				parameters: parameters as INodeParameters,
				credentials: { secOpsPam360Api: { id: 'pam360-sandbox', name: 'PAM360 Sandbox' } },
				...(extra.onError ? { onError: extra.onError as 'continueRegularOutput' } : {}),
			},
		],
		connections: {},
	};
}

export const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

export function pamState(sandbox: Sandbox): Pam360State {
	return sandbox.state<Pam360State>('pam360');
}

/** Resource and account of the sandbox's seed, by name. */
export function seeded(sandbox: Sandbox, resourceName: string, accountName: string) {
	const resource = pamState(sandbox).resources.find((r) => r.name === resourceName)!;
	return { resource, account: resource.accounts.find((a) => a.name === accountName)! };
}
