import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations } from '../../shared/execute';
import * as account from './account';
import * as alert from './alert';
import * as caseResource from './case';
import * as endpoint from './endpoint';
import * as suspiciousObject from './suspiciousObject';
import * as task from './task';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, { account, alert, case: caseResource, endpoint, suspiciousObject, task });
}
