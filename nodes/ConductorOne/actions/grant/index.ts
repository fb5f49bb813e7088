import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as search from './search.operation';

export { search };

export const description: INodeProperties[] = [
	operationSelector('grant', 'search', [
		{ name: 'Search', value: 'search', action: 'Search grants', effect: 'reads', summary: 'who holds what: the grants of a user (their blast radius), of an app or of an entitlement' },
	]),
	...search.description,
];
