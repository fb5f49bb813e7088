import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { WorkflowJson } from '../harness';
import type { Rec } from '../../sandbox/vendors/servicenow/query';
import type { ServiceNowState } from '../../sandbox/vendors/servicenow/state';

/** A one-node workflow with the ServiceNow node and the given parameters (resource and operation included). */
export function serviceNowWorkflow(parameters: IDataObject, extra: { onError?: string; authentication?: string } = {}): WorkflowJson {
	const authentication = extra.authentication ?? 'basicAuth';
	const credential = authentication === 'oAuth2' ? 'secOpsServiceNowOAuth2Api' : 'secOpsServiceNowApi';
	return {
		name: 'ServiceNow (test)',
		nodes: [
			{
				id: '6b1f0c2e-0000-4000-8000-000000000001',
				name: 'ServiceNow',
				type: 'n8n-nodes-secops.serviceNow',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication, ...parameters },
				credentials: { [credential]: { id: 'servicenow-sandbox', name: 'ServiceNow Sandbox' } },
				...(extra.onError ? { onError: extra.onError as 'continueRegularOutput' } : {}),
			},
		],
		connections: {},
	};
}

export const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

export function snState(sandbox: Sandbox): ServiceNowState {
	return sandbox.state<ServiceNowState>('servicenow');
}

export function incidents(sandbox: Sandbox): Rec[] {
	return snState(sandbox).tables.incident;
}

export function journal(sandbox: Sandbox, sysId: string, element = 'work_notes'): Rec[] {
	return snState(sandbox).tables.sys_journal_field.filter((j) => j.element_id === sysId && j.element === element);
}
