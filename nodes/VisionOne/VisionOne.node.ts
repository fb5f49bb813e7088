import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account';
import * as alert from './actions/alert';
import * as caseResource from './actions/case';
import * as endpoint from './actions/endpoint';
import * as suspiciousObject from './actions/suspiciousObject';
import { router } from './actions/router';
import * as task from './actions/task';
import { visionOneAuth } from './descriptions/auth.description';

export class VisionOne implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trend Vision One',
		name: 'visionOne',
		icon: { light: 'file:../../icons/visionone.svg', dark: 'file:../../icons/visionone.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Triage Trend Vision One Workbench alerts and contain threats: disable or sign out accounts (AD, Entra ID, Okta), isolate endpoints, block objects, and follow their tasks',
		defaults: { name: 'Trend Vision One' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: visionOneAuth.credentials,
		properties: [
			visionOneAuth.property,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Case', value: 'case' },
					{ name: 'Endpoint', value: 'endpoint' },
					{ name: 'Response Task', value: 'task' },
					{ name: 'Suspicious Object (Block List)', value: 'suspiciousObject' },
					{ name: 'Workbench Alert', value: 'alert' },
				],
				default: 'account',
			},
			...account.description,
			...alert.description,
			...caseResource.description,
			...endpoint.description,
			...suspiciousObject.description,
			...task.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
