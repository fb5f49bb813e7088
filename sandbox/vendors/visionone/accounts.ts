import type { ItemResult } from '../../framework/multiStatus';
import type { Route, SandboxRequest } from '../../framework/types';
import { actOnOktaUser, connectedOkta, findOktaUser } from './okta';
import { batch, itemError, magicError, queueTask } from './responseTasks';
import type { AccountAction, TaskSubject, VisionOneState } from './state';

const ACTIONS: Array<[path: string, action: AccountAction]> = [
	['disable', 'disableAccount'],
	['enable', 'enableAccount'],
	['signOut', 'forceSignOut'],
	['resetPassword', 'resetPassword'],
];

/** The directory entry an account name names: Okta first (the connected tenant), then AD / Entra ID accounts. */
function resolve(state: VisionOneState, accountName: string): { iam: string; problem?: string } | undefined {
	const okta = connectedOkta(state);
	if (okta && findOktaUser(okta, accountName)) return { iam: 'Okta' };
	const account = state.directory.find((a) => a.accountName.toLowerCase() === accountName.toLowerCase());
	if (!account) return undefined;
	return { iam: account.iam, problem: account.unreachable ? 'The identity sensor cannot reach the domain controller.' : undefined };
}

function carryOut(state: VisionOneState, action: AccountAction, iam: string, accountName: string): string | undefined {
	const okta = connectedOkta(state);
	const user = iam === 'Okta' && okta ? findOktaUser(okta, accountName) : undefined;
	if (okta && user) return actOnOktaUser(okta, user, action);
	const account = state.directory.find((a) => a.accountName.toLowerCase() === accountName.toLowerCase());
	if (!account) return 'Target not found.';
	if (action === 'disableAccount') account.enabled = false;
	if (action === 'enableAccount') account.enabled = true;
	if (action === 'forceSignOut' || action === 'resetPassword') account.sessions = 0;
	if (action === 'resetPassword') account.mustChangePassword = true;
	return undefined;
}

function submit(state: VisionOneState, req: SandboxRequest, action: AccountAction, entry: Record<string, unknown> | undefined): ItemResult {
	const accountName = entry?.accountName;
	if (accountName === undefined) return itemError(400, 'BadRequest', 'Required fields not found: accountName');
	if (typeof accountName !== 'string' || accountName.trim() === '' || accountName.length > 256) return itemError(400, 'BadRequest', 'Invalid field format: accountName');
	if (entry?.description !== undefined && typeof entry.description !== 'string') return itemError(400, 'BadRequest', 'Invalid field format: description');
	const magic = magicError(accountName);
	if (magic) return magic;
	const target = resolve(state, accountName);
	if (!target) return itemError(400, 'BadRequest', 'Target not found.');
	const subject: TaskSubject = {
		action,
		description: entry?.description as string | undefined,
		names: [accountName],
		fields: (status, error) => ({ tasks: [{ iam: target.iam, accountName, status, ...(error ? { error } : {}) }] }),
		carryOut: () => carryOut(state, action, target.iam, accountName),
	};
	return queueTask(state, req, subject, target.problem);
}

/** `POST /v3.0/response/domainAccounts/{disable|enable|signOut|resetPassword}`: one task per account, 207. */
export const accountRoutes: Route<VisionOneState>[] = ACTIONS.map(([path, action]) => ({
	method: 'POST',
	path: `/v3.0/response/domainAccounts/${path}`,
	bucket: '/v3.0/response',
	handle: (state, req) => batch(req, (entry) => submit(state, req, action, entry)),
}));
