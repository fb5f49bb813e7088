import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

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

export const description: INodeProperties[] = [
	operationSelector('user', 'get', [
		{ name: 'Activate', value: 'activate', action: 'Activate a user', effect: 'restores', summary: 'activate a staged or deactivated user', reverse: 'Deactivate' },
		{ name: 'Clear Sessions', value: 'clearSessions', action: 'Clear sessions of a user', effect: 'contains', summary: 'sign the user out of every session, optionally revoking OAuth tokens and remembered devices', reverse: 'none (the user signs in again)' },
		{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a user', effect: 'contains', summary: 'deactivate the user and remove app access', reverse: 'Activate (app assignments may need restoring)', destructive: true },
		{ name: 'Expire Password', value: 'expirePassword', action: 'Expire the password of a user', effect: 'contains', summary: 'force a password change at next sign-in, optionally with a temporary password', reverse: 'none (the user sets a new password)' },
		{ name: 'Get', value: 'get', action: 'Get a user', effect: 'reads', summary: 'one user by ID or login' },
		{ name: 'Get Groups', value: 'getGroups', action: 'Get groups of a user', effect: 'reads', summary: 'the groups the user belongs to' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many users', effect: 'reads', summary: 'users by login, email, status, name prefix or a raw search' },
		{ name: 'Reset Factors', value: 'resetFactors', action: 'Reset factors of a user', effect: 'contains', summary: 'un-enroll every MFA factor so an attacker-registered factor stops working', reverse: 'none (the user enrolls again)' },
		{ name: 'Reset Password', value: 'resetPassword', action: 'Reset the password of a user', effect: 'contains', summary: 'put the user in recovery with a reset link (emailed or returned)', reverse: 'none (the user completes the reset)' },
		{ name: 'Suspend', value: 'suspend', action: 'Suspend a user', effect: 'contains', summary: 'block sign-in while keeping apps and data; an already suspended user is reported, not failed', reverse: 'Unsuspend' },
		{ name: 'Unlock', value: 'unlock', action: 'Unlock a user', effect: 'restores', summary: 'unlock a locked-out user', reverse: 'none (Okta locks again after failed sign-ins)' },
		{ name: 'Unsuspend', value: 'unsuspend', action: 'Unsuspend a user', effect: 'restores', summary: 'let a suspended user sign in again; an already active user is reported, not failed', reverse: 'Suspend' },
	]),
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
