import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as group from './actions/group';
import * as systemLog from './actions/systemLog';
import * as user from './actions/user';
import { listSearch } from './methods';
import { oktaAuth } from './descriptions/auth.description';

export class Okta implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Okta Security',
		name: 'okta',
		icon: { light: 'file:../../icons/okta.svg', dark: 'file:../../icons/okta.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Investigate and contain Okta identities: read users, groups and the System Log; suspend, unlock, reset or restore accounts',
		defaults: { name: 'Okta Security' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: oktaAuth.credentials,
		properties: [
			oktaAuth.property,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Group', value: 'group' },
					{ name: 'System Log', value: 'systemLog' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...group.description,
			...systemLog.description,
			...user.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
