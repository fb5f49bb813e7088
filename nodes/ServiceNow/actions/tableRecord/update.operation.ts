import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { displayOptions as outputOptions, outputParams } from '../../descriptions/output.description';
import { namingMissingRecord, sysIdSegment } from '../../helpers/incident';
import { fieldValues, tableSegment } from '../../helpers/table';
import { resultOf, serviceNowApiRequest } from '../../transport';
import { fieldsField, sysIdField, tableField } from './shared';

const properties: INodeProperties[] = [tableField, sysIdField, fieldsField, ...outputOptions()];

export const description = updateDisplayOptions({ show: { resource: ['tableRecord'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = tableSegment.call(this, itemIndex);
	const sysId = sysIdSegment.call(this, this.getNodeParameter('sysId', itemIndex, ''), 'Sys ID', itemIndex);
	const body = fieldValues.call(this, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under Fields.' });
	}
	try {
		const response = await serviceNowApiRequest.call(this, {
			method: 'PATCH',
			path: `/api/now/table/${table}/${sysId}`,
			body,
			qs: outputParams.call(this, itemIndex),
			idempotent: false,
			itemIndex,
		});
		return resultOf(response);
	} catch (error) {
		throw namingMissingRecord(error, `no ${table} record with sys_id ${sysId}`);
	}
}
