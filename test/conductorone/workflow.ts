import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';

export const C1_NODE = 'ConductorOne';

/** A one-node workflow running the ConductorOne node with `parameters` (the same JSON n8n exports). */
export function c1Workflow(parameters: IDataObject, options: { onError?: string } = {}): WorkflowJson {
	return {
		name: 'ConductorOne (test)',
		nodes: [
			{
				id: '7c0c3e0e-0000-4000-8000-0000000000c1',
				name: C1_NODE,
				type: 'n8n-nodes-secops.conductorOne',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'clientCredentials', ...parameters },
				credentials: { secOpsConductorOneApi: { id: 'c1-sandbox', name: 'ConductorOne Sandbox' } },
				...(options.onError ? { onError: options.onError as 'continueRegularOutput' } : {}),
			},
		],
		connections: {},
	};
}
