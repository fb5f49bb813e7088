import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { runAccountAction } from '../../helpers/accounts';
import { accountActionFields } from './fields';

export const description = accountActionFields('disable', 'disable');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runAccountAction.call(this, itemIndex, 'disable');
}
