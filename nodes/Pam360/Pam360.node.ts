import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account';
import * as password from './actions/password';
import * as resource from './actions/resource';
import { router } from './actions/router';
import { listSearch } from './methods';
import { pam360Credentials } from './transport';

export class Pam360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ManageEngine PAM360',
		name: 'pam360',
		icon: { light: 'file:../../icons/pam360.svg', dark: 'file:../../icons/pam360.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Fetch and rotate privileged passwords in ManageEngine PAM360 with reason and ticket ID; read and manage resources and accounts',
		defaults: { name: 'ManageEngine PAM360' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: pam360Credentials,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Password', value: 'password' },
					{ name: 'Resource', value: 'resource' },
				],
				default: 'password',
			},
			...account.description,
			...password.description,
			...resource.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
