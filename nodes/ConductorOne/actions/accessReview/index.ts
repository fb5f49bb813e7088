import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, get, getMany };

export const description: INodeProperties[] = [
	operationSelector('accessReview', 'getMany', [
		{ name: 'Create', value: 'create', action: 'Create an access review', effect: 'changes', summary: 'open a draft access review campaign, e.g. a post-incident review of what a compromised identity could reach' },
		{ name: 'Get', value: 'get', action: 'Get an access review', effect: 'reads', summary: 'one access review campaign by ID, with its state and completion date' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many access reviews', effect: 'reads', summary: 'the access review campaigns of the tenant' },
	]),
	...create.description,
	...get.description,
	...getMany.description,
];
