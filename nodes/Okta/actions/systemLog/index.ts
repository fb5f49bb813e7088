import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['systemLog'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'Reads: System Log events (sign-ins, lifecycle changes, threats) by time, filter or keywords. Changes nothing.',
				action: 'Get many system log events',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
