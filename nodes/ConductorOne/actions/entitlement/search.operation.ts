import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { idList, limitOf, searchText } from '../../helpers/fields';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Text', name: 'query', type: 'string', default: '', required: true, placeholder: 'e.g. admin', description: 'Entitlements whose name or alias contains the text' },
	{ displayName: 'App IDs', name: 'appIds', type: 'string', default: '', placeholder: 'e.g. 2JkXq0p7…, 2LmYr1q8…', description: 'Only in these apps (comma-separated); leave empty for every app' },
	...returnAllOrLimit({}),
];

export const description = updateDisplayOptions({ show: { resource: ['entitlement'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = searchText(this.getNode(), this.getNodeParameter('query', itemIndex, ''), 'Text', itemIndex);
	const apps = String(this.getNodeParameter('appIds', itemIndex, '') ?? '').trim() ? idList.call(this, itemIndex, 'appIds', 'App IDs') : undefined;
	const body: IDataObject = { query, ...(apps ? { appIds: apps } : {}), expandMask: { paths: ['app_id'] } };
	const views = await conductorOneAllItems.call(this, { method: 'POST', path: '/api/v1/search/entitlements', body, itemIndex }, limitOf.call(this, itemIndex));
	return views.map(({ appEntitlement, ...related }) => ({ ...(appEntitlement as IDataObject), ...related }));
}
