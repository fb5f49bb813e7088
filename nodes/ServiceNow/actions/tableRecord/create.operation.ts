import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { displayOptions as outputOptions, outputParams } from '../../descriptions/output.description';
import { fieldValues, tableSegment } from '../../helpers/table';
import { resultOf, serviceNowApiRequest } from '../../transport';
import { fieldsField, tableField } from './shared';

const properties: INodeProperties[] = [tableField, fieldsField, ...outputOptions()];

export const description = updateDisplayOptions({ show: { resource: ['tableRecord'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = tableSegment.call(this, itemIndex);
	const response = await serviceNowApiRequest.call(this, {
		method: 'POST',
		path: `/api/now/table/${table}`,
		body: fieldValues.call(this, itemIndex),
		qs: outputParams.call(this, itemIndex),
		itemIndex,
	});
	return resultOf(response);
}
