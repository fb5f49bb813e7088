import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as resetPassword from './resetPassword.operation';
import * as signOut from './signOut.operation';

export { disable, enable, resetPassword, signOut };

export const description: INodeProperties[] = [
	operationSelector('account', 'disable', [
		{ name: 'Disable', value: 'disable', action: 'Disable accounts', effect: 'contains', summary: 'disable the accounts (Active Directory, Entra ID or Okta) so they cannot sign in; one result per account with its task', reverse: 'Enable' },
		{ name: 'Enable', value: 'enable', action: 'Enable accounts', effect: 'restores', summary: 'enable disabled accounts again; one result per account with its task', reverse: 'Disable' },
		{ name: 'Force Password Reset', value: 'resetPassword', action: 'Force a password reset for accounts', effect: 'contains', summary: 'sign the accounts out and make them set a new password at next sign-in', reverse: 'none (the user sets a new password)' },
		{ name: 'Force Sign Out', value: 'signOut', action: 'Force accounts to sign out', effect: 'contains', summary: 'end every session of the accounts', reverse: 'none (the user signs in again)' },
	]),
	...disable.description,
	...enable.description,
	...resetPassword.description,
	...signOut.description,
];
