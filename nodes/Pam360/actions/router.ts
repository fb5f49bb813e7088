import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations } from '../../shared/execute';
import { maskingSecrets } from '../helpers/secrets';
import * as account from './account';
import * as password from './password';
import * as resource from './resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, { account: maskingSecrets(account), password: maskingSecrets(password), resource: maskingSecrets(resource) });
}
