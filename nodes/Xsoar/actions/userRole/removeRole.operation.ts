import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { changeUserRole } from '../../helpers/userRoles';
import { userRoleFields } from './shared';

export const description = userRoleFields('removeRole');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await changeUserRole.call(this, itemIndex, 'remove');
}
