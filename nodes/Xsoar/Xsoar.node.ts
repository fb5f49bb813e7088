import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as incident from './actions/incident';
import * as role from './actions/role';
import { router } from './actions/router';
import * as user from './actions/user';
import * as userRole from './actions/userRole';
import * as warRoom from './actions/warRoom';
import { xsoarAuth } from './descriptions/auth.description';

export class Xsoar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cortex XSOAR',
		name: 'xsoar',
		icon: { light: 'file:../../icons/xsoar.svg', dark: 'file:../../icons/xsoar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run incidents in Cortex XSOAR 6 or 8: open one incident per alert, write to and read the War Room, close and reopen; read users and roles and change a user\'s roles',
		defaults: { name: 'Cortex XSOAR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: xsoarAuth.credentials,
		properties: [
			xsoarAuth.property,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Incident', value: 'incident' },
					{ name: 'Role', value: 'role' },
					{ name: 'User', value: 'user' },
					{ name: 'User Role', value: 'userRole' },
					{ name: 'War Room', value: 'warRoom' },
				],
				default: 'incident',
			},
			...incident.description,
			...role.description,
			...user.description,
			...userRole.description,
			...warRoom.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
