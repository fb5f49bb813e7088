import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { responseActionFields } from '../../descriptions/responseAction.description';
import { runResponseAction, targetList } from '../../helpers/responseAction';

export function isolationFields(operation: string, verb: string): INodeProperties[] {
	return responseActionFields('endpoint', operation, [
		{
			displayName: 'Identify By',
			name: 'identifyBy',
			type: 'options',
			default: 'endpointName',
			options: [
				{ name: 'Endpoint Name', value: 'endpointName' },
				{ name: 'Agent GUID', value: 'agentGuid' },
			],
		},
		{
			displayName: 'Endpoints',
			name: 'endpoints',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. FIN-LAPTOP-07, HOST-02',
			description: `The endpoints to ${verb}, separated by commas or new lines (or an expression returning a list). All are sent in one request.`,
		},
	]);
}

/** Isolate or restore the item's endpoints (by name or agent GUID), one result per endpoint. */
export async function runIsolation(this: IExecuteFunctions, itemIndex: number, isolate: boolean): Promise<IDataObject[]> {
	const by = this.getNodeParameter('identifyBy', itemIndex, 'endpointName') as 'endpointName' | 'agentGuid';
	const endpoints = targetList.call(this, itemIndex, 'endpoints', 'Endpoints', 'Give each endpoint as its name or agent GUID, as text.');
	return await runResponseAction.call(this, itemIndex, {
		path: `endpoints/${isolate ? 'isolate' : 'restore'}`,
		targets: endpoints.map((value) => ({ name: value, label: { endpoint: value }, item: { [by]: value } })),
		outcome: isolate ? 'isolated' : 'restored',
	});
}
