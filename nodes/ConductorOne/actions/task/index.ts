import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as approve from './approve.operation';
import * as comment from './comment.operation';
import * as createGrant from './createGrant.operation';
import * as createOffboarding from './createOffboarding.operation';
import * as createRevoke from './createRevoke.operation';
import * as deny from './deny.operation';
import * as get from './get.operation';
import * as search from './search.operation';

export { approve, comment, createGrant, createOffboarding, createRevoke, deny, get, search };

export const description: INodeProperties[] = [
	operationSelector('task', 'createRevoke', [
		{ name: 'Approve', value: 'approve', action: 'Approve a task', effect: 'changes', summary: 'approve the policy step a grant or revoke task waits on, optionally waiting until it is provisioned' },
		{ name: 'Comment', value: 'comment', action: 'Comment on a task', effect: 'changes', summary: 'add a comment to a task for approvers and the audit trail' },
		{ name: 'Create Grant', value: 'createGrant', action: 'Create a grant task', effect: 'restores', summary: 'request an entitlement for a user or account, time-boxed or as emergency access; runs through the grant policy', reverse: 'Create Revoke' },
		{ name: 'Create Offboarding', value: 'createOffboarding', action: 'Create an offboarding task', effect: 'contains', summary: 'remove every grant a user holds in every app', reverse: 'Create Grant for each entitlement the user needs back', destructive: true },
		{ name: 'Create Revoke', value: 'createRevoke', action: 'Create a revoke task', effect: 'contains', summary: 'revoke one entitlement from a user or account; runs through the revoke policy, which may ask for approval', reverse: 'Create Grant' },
		{ name: 'Deny', value: 'deny', action: 'Deny a task', effect: 'contains', summary: 'deny a pending grant or revoke request; the access stays as it is', reverse: 'none (request again with Create Grant or Create Revoke)' },
		{ name: 'Get', value: 'get', action: 'Get a task', effect: 'reads', summary: 'a task with its outcome (granted, revoked, denied, error), optionally waiting until it is closed' },
		{ name: 'Search', value: 'search', action: 'Search tasks', effect: 'reads', summary: 'tasks by subject user, state and type, e.g. open grant requests of a compromised user' },
	]),
	...approve.description,
	...comment.description,
	...createGrant.description,
	...createOffboarding.description,
	...createRevoke.description,
	...deny.description,
	...get.description,
	...search.description,
];
