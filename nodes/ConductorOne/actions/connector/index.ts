import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as forceSync from './forceSync.operation';
import * as getMany from './getMany.operation';

export { forceSync, getMany };

export const description: INodeProperties[] = [
	operationSelector('connector', 'getMany', [
		{ name: 'Force Sync', value: 'forceSync', action: 'Force a connector sync', effect: 'changes', summary: 'queue a sync now so grants reflect the app (it finishes later; read Get Many for its status)' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many connectors of an app', effect: 'reads', summary: 'the connectors of one app with their sync status' },
	]),
	...forceSync.description,
	...getMany.description,
];
