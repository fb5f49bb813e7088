import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as access from './actions/access';
import * as accessReview from './actions/accessReview';
import * as app from './actions/app';
import * as appUser from './actions/appUser';
import * as connector from './actions/connector';
import * as entitlement from './actions/entitlement';
import * as grant from './actions/grant';
import { router } from './actions/router';
import * as task from './actions/task';
import * as user from './actions/user';
import { conductorOneAuth } from './descriptions/auth.description';

export class ConductorOne implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ConductorOne Security',
		name: 'conductorOne',
		icon: { light: 'file:../../icons/conductorone.svg', dark: 'file:../../icons/conductorone.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Measure and cut an identity’s access in ConductorOne: who holds what, revoke and grant tasks with approvals, offboarding, access reviews, connector syncs',
		defaults: { name: 'ConductorOne Security' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: conductorOneAuth.credentials,
		properties: [
			conductorOneAuth.property,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Access', value: 'access' },
					{ name: 'Access Review', value: 'accessReview' },
					{ name: 'App', value: 'app' },
					{ name: 'App User', value: 'appUser' },
					{ name: 'Connector', value: 'connector' },
					{ name: 'Entitlement', value: 'entitlement' },
					{ name: 'Grant', value: 'grant' },
					{ name: 'Task', value: 'task' },
					{ name: 'User', value: 'user' },
				],
				default: 'grant',
			},
			...access.description,
			...accessReview.description,
			...app.description,
			...appUser.description,
			...connector.description,
			...entitlement.description,
			...grant.description,
			...task.description,
			...user.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
