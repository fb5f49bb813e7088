import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { runResponseAction, targetList } from './responseAction';

export type AccountAction = 'disable' | 'enable' | 'signOut' | 'resetPassword';

/** What each action reports for an account once its task succeeded. */
const OUTCOME: Record<AccountAction, string> = {
	disable: 'disabled',
	enable: 'enabled',
	signOut: 'signedOut',
	resetPassword: 'passwordResetForced',
};

/** Disable, Enable, Force Sign Out or Force Password Reset for the item's accounts (UPN, `domain\user`, Okta login). */
export async function runAccountAction(this: IExecuteFunctions, itemIndex: number, action: AccountAction): Promise<IDataObject[]> {
	const accounts = targetList.call(this, itemIndex, 'accounts', 'Accounts', 'Give each account as text: user@corp.com, DOMAIN\\user or an Okta login.');
	return await runResponseAction.call(this, itemIndex, {
		path: `domainAccounts/${action}`,
		targets: accounts.map((accountName) => ({ name: accountName, label: { account: accountName }, item: { accountName } })),
		outcome: OUTCOME[action],
	});
}
