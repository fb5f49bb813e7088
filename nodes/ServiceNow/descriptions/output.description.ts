import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { columnName } from '../helpers/query';

/** Fields to Return and Display Values, for operations that return ServiceNow's records as they are. */
export function displayOptions(show: Record<string, Array<string | boolean>> = {}): INodeProperties[] {
	return [
		{
			displayName: 'Output Options',
			name: 'outputOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			...(Object.keys(show).length > 0 ? { displayOptions: { show } } : {}),
			options: [
				{
					displayName: 'Display Values',
					name: 'displayValue',
					type: 'options',
					options: [
						{ name: 'Both', value: 'all', description: 'Each field as {display_value, value}' },
						{ name: 'Display Values', value: 'true', description: 'Labels and names instead of codes and sys_ids' },
						{ name: 'Values', value: 'false', description: 'Codes and sys_ids, as stored' },
					],
					default: 'false',
				},
				{
					displayName: 'Fields to Return',
					name: 'fields',
					type: 'string',
					default: '',
					placeholder: 'e.g. number,short_description,state',
					description: 'Comma-separated column names; empty returns every field',
				},
			],
		},
	];
}

/** `sysparm_display_value` and `sysparm_fields` from the Output Options. */
export function outputParams(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = this.getNodeParameter('outputOptions', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.displayValue) qs.sysparm_display_value = options.displayValue;
	const fields = String(options.fields ?? '')
		.split(',')
		.map((f) => f.trim())
		.filter((f) => f !== '');
	if (fields.length > 0) qs.sysparm_fields = fields.map((f) => columnName(this.getNode(), f, 'Fields to Return', itemIndex)).join(',');
	return qs;
}
