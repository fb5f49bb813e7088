import type { INodeProperties } from 'n8n-workflow';

export const alertIdField: INodeProperties = {
	displayName: 'Alert ID',
	name: 'alertId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. WB-9002-20260105-00022',
	description: 'The Workbench alert ID',
};
