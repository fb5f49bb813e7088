import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { sysIdSegment } from '../../helpers/incident';
import { andQuery, condition } from '../../helpers/query';
import { tableSegment } from '../../helpers/table';
import { serviceNowApiRequestAllItems } from '../../transport';
import { recordFields } from './shared';

const properties: INodeProperties[] = [...recordFields, ...returnAllOrLimit({})];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const table = decodeURIComponent(tableSegment.call(this, itemIndex));
	const recordId = decodeURIComponent(sysIdSegment.call(this, this.getNodeParameter('recordId', itemIndex, ''), 'Record Sys ID', itemIndex));
	const query = andQuery('', [
		condition(node, { field: 'table_name', operator: '=', value: table, label: 'Table' }, itemIndex),
		condition(node, { field: 'table_sys_id', operator: '=', value: recordId, label: 'Record Sys ID' }, itemIndex),
	], ['ORDERBYsys_created_on']);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await serviceNowApiRequestAllItems.call(this, '/api/now/attachment', { sysparm_query: query }, limit, itemIndex);
}
