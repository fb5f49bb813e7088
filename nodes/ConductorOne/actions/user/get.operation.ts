import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withExpanded } from '../../helpers/expand';
import { idField, idSegment } from '../../helpers/fields';
import { conductorOneApiRequest } from '../../transport';

const properties: INodeProperties[] = [idField('userId', 'User ID', 'The ConductorOne user (identity) ID; find it with User → Search by email')];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idSegment.call(this, itemIndex, 'userId', 'User ID');
	const { body } = await conductorOneApiRequest.call(this, { method: 'GET', path: `/api/v1/users/${id}`, itemIndex });
	const view = withExpanded((body.userView ?? {}) as IDataObject, body.expanded);
	const { user, ...related } = view;
	return { ...(user as IDataObject), ...related };
}
