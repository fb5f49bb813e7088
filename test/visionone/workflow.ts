import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';

export const VISION_ONE_NODE = 'Trend Vision One';

/** A one-node workflow running the Vision One node with `parameters` (the same JSON n8n exports). */
export function visionOneWorkflow(parameters: IDataObject, options: { onError?: string } = {}): WorkflowJson {
	return {
		name: 'Vision One (test)',
		nodes: [
			{
				id: '7c0c3e0e-0000-4000-8000-0000000000v1',
				name: VISION_ONE_NODE,
				type: 'n8n-nodes-secops.visionOne',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'apiKey', ...parameters },
				credentials: { secOpsVisionOneApi: { id: 'visionone-sandbox', name: 'Vision One Sandbox' } },
				...(options.onError ? { onError: options.onError as 'continueRegularOutput' } : {}),
			},
		],
		connections: {},
	};
}
