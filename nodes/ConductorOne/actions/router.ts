import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations } from '../../shared/execute';
import * as access from './access';
import * as accessReview from './accessReview';
import * as app from './app';
import * as appUser from './appUser';
import * as connector from './connector';
import * as entitlement from './entitlement';
import * as grant from './grant';
import * as task from './task';
import * as user from './user';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, { access, accessReview, app, appUser, connector, entitlement, grant, task, user });
}
