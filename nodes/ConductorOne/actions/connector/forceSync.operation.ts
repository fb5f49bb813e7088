import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idField, idSegment } from '../../helpers/fields';
import { conductorOneApiRequest } from '../../transport';

const properties: INodeProperties[] = [idField('appId', 'App ID', 'The app the connector belongs to'), idField('connectorId', 'Connector ID', 'The connector to sync; find it with Connector → Get Many')];

export const description = updateDisplayOptions({ show: { resource: ['connector'], operation: ['forceSync'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const app = idSegment.call(this, itemIndex, 'appId', 'App ID');
	const connector = idSegment.call(this, itemIndex, 'connectorId', 'Connector ID');
	// Force Sync only queues a sync; asking twice queues the same sync, so a lost answer is asked again. The body is
	// the empty message `{}`, sent as text because n8n's HTTP helper drops an empty object body.
	await conductorOneApiRequest.call(this, {
		method: 'POST',
		path: `/api/v1/apps/${app}/connectors/${connector}/force_sync`,
		body: '{}',
		headers: { 'Content-Type': 'application/json' },
		idempotent: true,
		itemIndex,
	});
	return { outcome: 'syncQueued', appId: decodeURIComponent(app), connectorId: decodeURIComponent(connector) };
}
