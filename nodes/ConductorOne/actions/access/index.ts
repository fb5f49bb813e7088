import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as revokeAll from './revokeAll.operation';

export { revokeAll };

export const description: INodeProperties[] = [
	operationSelector('access', 'revokeAll', [
		{
			name: 'Revoke All Access',
			value: 'revokeAll',
			action: 'Revoke all access of a user',
			effect: 'contains',
			summary: 'open a revoke task for every entitlement the user holds in the chosen apps or entitlements; Dry Run lists them',
			reverse: 'none (run Task → Create Grant on each output item: each names the app, entitlement and account revoked)',
		},
	]),
	...revokeAll.description,
];
