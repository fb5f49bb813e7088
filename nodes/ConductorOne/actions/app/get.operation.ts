import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idField, idSegment } from '../../helpers/fields';
import { conductorOneApiRequest } from '../../transport';

const properties: INodeProperties[] = [idField('appId', 'App ID', 'The ConductorOne app (a governed system such as AWS or GitHub)')];

export const description = updateDisplayOptions({ show: { resource: ['app'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idSegment.call(this, itemIndex, 'appId', 'App ID');
	const { body } = await conductorOneApiRequest.call(this, { method: 'GET', path: `/api/v1/apps/${id}`, itemIndex });
	return (body.app ?? {}) as IDataObject;
}
