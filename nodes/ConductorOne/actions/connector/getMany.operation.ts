import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { idField, idSegment, limitOf } from '../../helpers/fields';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [idField('appId', 'App ID', 'The app whose connectors (the syncs that read its accounts and grants) to list'), ...returnAllOrLimit({})];

export const description = updateDisplayOptions({ show: { resource: ['connector'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const app = idSegment.call(this, itemIndex, 'appId', 'App ID');
	const views = await conductorOneAllItems.call(this, { method: 'GET', path: `/api/v1/apps/${app}/connectors`, itemIndex }, limitOf.call(this, itemIndex));
	return views.map(({ connector, ...related }) => {
		const record = (connector ?? {}) as IDataObject;
		return { ...record, syncStatus: (record.status as IDataObject | undefined)?.status, ...related };
	});
}
