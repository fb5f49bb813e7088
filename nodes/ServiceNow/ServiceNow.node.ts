import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as attachment from './actions/attachment';
import * as incident from './actions/incident';
import { router } from './actions/router';
import * as tableRecord from './actions/tableRecord';
import { listSearch } from './methods';
import { serviceNowAuth } from './descriptions/auth.description';

export class ServiceNow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ServiceNow ITSM',
		name: 'serviceNow',
		icon: { light: 'file:../../icons/servicenow.svg', dark: 'file:../../icons/servicenow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Track security work in ServiceNow: open incidents once per alert, add work notes, resolve; read and change any table; attach files',
		defaults: { name: 'ServiceNow ITSM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: serviceNowAuth.credentials,
		properties: [
			serviceNowAuth.property,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Attachment', value: 'attachment' },
					{ name: 'Incident', value: 'incident' },
					{ name: 'Table Record', value: 'tableRecord' },
				],
				default: 'incident',
			},
			...attachment.description,
			...incident.description,
			...tableRecord.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
