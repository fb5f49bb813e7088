import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations } from '../../shared/execute';
import * as incident from './incident';
import * as role from './role';
import * as user from './user';
import * as userRole from './userRole';
import * as warRoom from './warRoom';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, { incident, role, user, userRole, warRoom });
}
