import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';

export const OKTA_NODE = 'Okta';

/** A one-node workflow running the Okta node with `parameters` (the same JSON n8n exports). */
export function oktaWorkflow(parameters: IDataObject, options: { authentication?: 'apiToken' | 'oAuth2'; onError?: string } = {}): WorkflowJson {
	const authentication = options.authentication ?? 'apiToken';
	return {
		name: 'Okta (test)',
		nodes: [
			{
				id: '7c0c3e0e-0000-4000-8000-0000000000a1',
				name: OKTA_NODE,
				type: 'n8n-nodes-secops.okta',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication, ...parameters },
				credentials:
					authentication === 'oAuth2'
						? { secOpsOktaOAuth2Api: { id: 'okta-oauth', name: 'Okta OAuth' } }
						: { secOpsOktaApi: { id: 'okta-sandbox', name: 'Okta Sandbox' } },
				...(options.onError ? { onError: options.onError as 'continueRegularOutput' } : {}),
			},
		],
		connections: {},
	};
}

export const byLogin = (value: string) => ({ __rl: true, mode: 'login', value });
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });
export const loginFromItem = byLogin('={{ $json.login }}');
