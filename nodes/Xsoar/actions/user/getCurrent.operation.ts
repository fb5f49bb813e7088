import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { currentUser } from '../../helpers/directory';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getCurrent'] } }, []);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await currentUser.call(this, itemIndex);
}
