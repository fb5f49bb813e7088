import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations } from '../../shared/execute';
import * as attachment from './attachment';
import * as incident from './incident';
import * as tableRecord from './tableRecord';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, { attachment, incident, tableRecord });
}
