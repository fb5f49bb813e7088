import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { idField, idSegment, limitOf } from '../../helpers/fields';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [idField('appId', 'App ID', 'The app whose entitlements (roles, groups, permissions) to list'), ...returnAllOrLimit({})];

export const description = updateDisplayOptions({ show: { resource: ['entitlement'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const app = idSegment.call(this, itemIndex, 'appId', 'App ID');
	const views = await conductorOneAllItems.call(this, { method: 'GET', path: `/api/v1/apps/${app}/entitlements`, itemIndex }, limitOf.call(this, itemIndex));
	return views.map(({ appEntitlement, ...related }) => ({ ...(appEntitlement as IDataObject), ...related }));
}
