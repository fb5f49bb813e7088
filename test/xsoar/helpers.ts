import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { XsoarState } from '../../sandbox/vendors/xsoar/state';
import type { WorkflowJson } from '../harness';
import { Engine, sandboxCredentials } from '../harness';

export const XSOAR_NODE = 'Cortex XSOAR';

/** The three ways to reach XSOAR: version 6, version 8 with a standard key, version 8 with an advanced key. */
export type Mode = 'v6' | 'v8 standard' | 'v8 advanced';
export const MODES: Mode[] = ['v6', 'v8 standard', 'v8 advanced'];

export function xsoarCredential(sandbox: Sandbox, mode: Mode): ICredentialDataDecryptedObject {
	const s = sandbox.credentials('xsoar');
	if (mode === 'v6') return { version: '6', url: s.url, apiKey: s.apiKey, allowUnauthorizedCerts: false };
	const advanced = mode === 'v8 advanced';
	return {
		version: '8',
		url: s.url,
		apiKey: advanced ? s.v8AdvancedApiKey : s.v8ApiKey,
		apiKeyId: advanced ? s.v8AdvancedApiKeyId : s.v8ApiKeyId,
		keyType: advanced ? 'advanced' : 'standard',
		allowUnauthorizedCerts: false,
	};
}

export function xsoarEngine(sandbox: Sandbox, mode: Mode, override: ICredentialDataDecryptedObject = {}): Engine {
	return new Engine({ ...sandboxCredentials(sandbox), secOpsXsoarApi: { ...xsoarCredential(sandbox, mode), ...override } });
}

export function xsoarWorkflow(parameters: IDataObject, extra: { onError?: string } = {}): WorkflowJson {
	return {
		name: 'XSOAR (test)',
		nodes: [
			{
				id: '0c5a0e9e-0000-4000-8000-000000000501',
				name: XSOAR_NODE,
				type: 'n8n-nodes-secops.xsoar',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'apiKey', ...parameters },
				credentials: { secOpsXsoarApi: { id: 'xsoar-sandbox', name: 'XSOAR Sandbox' } },
				...(extra.onError ? { onError: extra.onError as 'continueRegularOutput' } : {}),
			},
		],
		connections: {},
	};
}

export const xsoarState = (sandbox: Sandbox) => sandbox.state<XsoarState>('xsoar');

/** The path a v6 path has in this mode (what the sandbox records below its vendor prefix). */
export function modePath(mode: Mode, path: string, surface: 'web' | 'public' = 'web'): string {
	if (mode === 'v6') return path;
	return `${surface === 'public' ? '/xsoar/public/v1' : '/xsoar'}${path}`;
}
