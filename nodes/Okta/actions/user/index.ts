import type { INodeProperties } from 'n8n-workflow';

import * as activate from './activate.operation';
import * as clearSessions from './clearSessions.operation';
import * as deactivate from './deactivate.operation';
import * as expirePassword from './expirePassword.operation';
import * as get from './get.operation';
import * as getGroups from './getGroups.operation';
import * as getMany from './getMany.operation';
import * as resetFactors from './resetFactors.operation';
import * as resetPassword from './resetPassword.operation';
import * as suspend from './suspend.operation';
import * as unlock from './unlock.operation';
import * as unsuspend from './unsuspend.operation';

export { activate, clearSessions, deactivate, expirePassword, get, getGroups, getMany, resetFactors, resetPassword, suspend, unlock, unsuspend };

/**
 * Each description says whether the operation reads, contains or restores, and names its reverse, so an analyst
 * (or an AI agent using the node as a tool) can pick the right one and knows how to undo it.
 */
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Activate',
				value: 'activate',
				description: 'Restores: activate a staged or deactivated user. Reverse: Deactivate.',
				action: 'Activate a user',
			},
			{
				name: 'Clear Sessions',
				value: 'clearSessions',
				description:
					'Contains: sign the user out of every session, optionally revoking OAuth tokens and remembered devices. No reverse: the user signs in again.',
				action: 'Clear sessions of a user',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				description:
					'Contains (destructive): deactivate the user and remove app access. Reverse: Activate (app assignments may need restoring).',
				action: 'Deactivate a user',
			},
			{
				name: 'Expire Password',
				value: 'expirePassword',
				description:
					'Contains: force a password change at next sign-in, optionally with a temporary password. Reverse: none; the user sets a new password.',
				action: 'Expire the password of a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Reads: one user by ID or login. Changes nothing.',
				action: 'Get a user',
			},
			{
				name: 'Get Groups',
				value: 'getGroups',
				description: 'Reads: the groups the user belongs to. Changes nothing.',
				action: 'Get groups of a user',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Reads: users by login, email, status, name prefix or a raw search. Changes nothing.',
				action: 'Get many users',
			},
			{
				name: 'Reset Factors',
				value: 'resetFactors',
				description:
					'Contains: un-enroll every MFA factor so an attacker-registered factor stops working. Reverse: the user enrolls again.',
				action: 'Reset factors of a user',
			},
			{
				name: 'Reset Password',
				value: 'resetPassword',
				description:
					'Contains: put the user in recovery with a reset link (emailed or returned). Reverse: the user completes the reset.',
				action: 'Reset the password of a user',
			},
			{
				name: 'Suspend',
				value: 'suspend',
				description:
					'Contains: block sign-in while keeping apps and data. Already suspended is reported, not failed. Reverse: Unsuspend.',
				action: 'Suspend a user',
			},
			{
				name: 'Unlock',
				value: 'unlock',
				description: 'Restores: unlock a locked-out user. Reverse: none (Okta locks again after failed sign-ins).',
				action: 'Unlock a user',
			},
			{
				name: 'Unsuspend',
				value: 'unsuspend',
				description: 'Restores: let a suspended user sign in again. Already active is reported, not failed. Reverse: Suspend.',
				action: 'Unsuspend a user',
			},
		],
		default: 'get',
	},
	...activate.description,
	...clearSessions.description,
	...deactivate.description,
	...expirePassword.description,
	...get.description,
	...getGroups.description,
	...getMany.description,
	...resetFactors.description,
	...resetPassword.description,
	...suspend.description,
	...unlock.description,
	...unsuspend.description,
];
