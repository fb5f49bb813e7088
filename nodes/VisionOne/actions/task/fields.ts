import type { INodeProperties } from 'n8n-workflow';

export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 00000009',
	description: 'The task a response action returned (taskId), e.g. from Account → Disable',
};
