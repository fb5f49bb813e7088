import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { namingMissingRecord, sysIdSegment } from '../../helpers/incident';
import { tableSegment } from '../../helpers/table';
import { serviceNowApiRequest } from '../../transport';
import { sysIdField, tableField } from './shared';

const properties: INodeProperties[] = [tableField, sysIdField];

export const description = updateDisplayOptions({ show: { resource: ['tableRecord'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = tableSegment.call(this, itemIndex);
	const sysId = sysIdSegment.call(this, this.getNodeParameter('sysId', itemIndex, ''), 'Sys ID', itemIndex);
	try {
		await serviceNowApiRequest.call(this, { method: 'DELETE', path: `/api/now/table/${table}/${sysId}`, itemIndex });
	} catch (error) {
		throw namingMissingRecord(error, `no ${table} record with sys_id ${sysId}`);
	}
	return { deleted: true, table, sys_id: sysId };
}
