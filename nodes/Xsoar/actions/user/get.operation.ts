import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../../shared/validation';
import { findUser } from '../../helpers/directory';

const userField: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. alice',
	description: 'The user\'s ID or user name',
};

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, [userField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const who = requireText(this.getNode(), this.getNodeParameter('user', itemIndex, ''), 'User', itemIndex, 'Give the user\'s ID or user name.');
	return await findUser.call(this, who, itemIndex);
}
