import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { displayOptions as outputOptions, outputParams } from '../../descriptions/output.description';
import { OPERATOR_OPTIONS, andQuery, condition, operatorFromOption } from '../../helpers/query';
import { tableSegment } from '../../helpers/table';
import { serviceNowApiRequestAllItems } from '../../transport';
import { tableField } from './shared';

const properties: INodeProperties[] = [
	tableField,
	...returnAllOrLimit({}),
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'AND-ed conditions; values are checked so they cannot widen the query (safe for alert data)',
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. correlation_id' },
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: OPERATOR_OPTIONS.map(({ name, value }) => ({ name, value })),
						default: 'equals',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Encoded Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. active=true^ORDERBYDESCsys_created_on',
		description: 'Optional encoded query, sent as written and AND-ed with the conditions; do not build it from alert data',
	},
	...outputOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['tableRecord'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const table = tableSegment.call(this, itemIndex);
	const list = ((this.getNodeParameter('conditions', itemIndex, {}) as IDataObject).condition ?? []) as IDataObject[];
	const conditions = list.map((c, n) => {
		const label = `Condition ${n + 1}`;
		const operator = operatorFromOption(this.getNode(), c.operator, label, itemIndex);
		return condition(this.getNode(), { field: String(c.field), operator, value: c.value, label }, itemIndex);
	});
	const query = andQuery(String(this.getNodeParameter('query', itemIndex, '')), conditions, ['ORDERBYsys_id']);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const qs = { sysparm_query: query, ...outputParams.call(this, itemIndex) };
	return await serviceNowApiRequestAllItems.call(this, `/api/now/table/${table}`, qs, limit, itemIndex);
}
