import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { displayOptions as outputOptions, outputParams } from '../../descriptions/output.description';
import { namingMissingRecord, sysIdSegment } from '../../helpers/incident';
import { tableSegment } from '../../helpers/table';
import { resultOf, serviceNowApiRequest } from '../../transport';
import { sysIdField, tableField } from './shared';

const properties: INodeProperties[] = [tableField, sysIdField, ...outputOptions()];

export const description = updateDisplayOptions({ show: { resource: ['tableRecord'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = tableSegment.call(this, itemIndex);
	const sysId = sysIdSegment.call(this, this.getNodeParameter('sysId', itemIndex, ''), 'Sys ID', itemIndex);
	try {
		const response = await serviceNowApiRequest.call(this, {
			method: 'GET',
			path: `/api/now/table/${table}/${sysId}`,
			qs: outputParams.call(this, itemIndex),
			itemIndex,
		});
		return resultOf(response);
	} catch (error) {
		throw namingMissingRecord(error, `no ${table} record with sys_id ${sysId}`);
	}
}
