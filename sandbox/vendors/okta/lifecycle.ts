import { z } from 'zod';

import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { notAllowedInStatus, notFound, oktaError } from './errors';
import { logAction } from './logStore';
import { findUser } from './state';
import type { OktaState, OktaUser, UserStatus } from './state';

// The parameters the spec declares, checked; others are ignored, as Okta ignores them.
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const sendEmailQuery = z.object({ sendEmail: bool.optional() });
const resetPasswordQuery = z.object({ sendEmail: bool, revokeSessions: bool.optional() });
const revokeSessionsQuery = z.object({ revokeSessions: bool.optional() });

interface Transition {
	action: string;
	/** Statuses the action is allowed from. */
	from: UserStatus[];
	to?: UserStatus;
	eventType: string;
	displayMessage: string;
	query?: z.ZodTypeAny;
	/** A disallowed call's error; Okta answers E0000038 except for activating an active user. */
	refused?: (user: OktaUser) => SandboxResponse;
	respond?: (state: OktaState, user: OktaUser, req: SandboxRequest) => unknown;
}

const ALIVE: UserStatus[] = ['ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT'];

function revokeSessions(state: OktaState, user: OktaUser): void {
	delete state.sessions[user.id];
}

const TRANSITIONS: Transition[] = [
	{
		action: 'activate',
		from: ['STAGED', 'DEPROVISIONED'],
		to: 'PROVISIONED',
		eventType: 'user.lifecycle.activate',
		displayMessage: 'Activate Okta user',
		query: sendEmailQuery,
		refused: () => oktaError(403, 'E0000016', 'Activation failed because the user is already active'),
		respond: (_state, user, req) =>
			req.query.get('sendEmail') === 'false'
				? { activationUrl: `${req.baseUrl}/welcome/XE6wE17zmphl3KqAPFxO`, activationToken: `XE6wE17zmphl3KqA${user.id.slice(-4)}` }
				: {},
	},
	{
		action: 'deactivate',
		from: ['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED'],
		to: 'DEPROVISIONED',
		eventType: 'user.lifecycle.deactivate',
		displayMessage: 'Deactivate Okta user',
		query: sendEmailQuery,
		respond: (state, user) => {
			revokeSessions(state, user);
			delete state.grants[user.id];
			return undefined;
		},
	},
	{ action: 'suspend', from: ['ACTIVE'], to: 'SUSPENDED', eventType: 'user.lifecycle.suspend', displayMessage: 'Suspend Okta user', respond: (state, user) => revokeSessions(state, user) },
	{ action: 'unsuspend', from: ['SUSPENDED'], to: 'ACTIVE', eventType: 'user.lifecycle.unsuspend', displayMessage: 'Unsuspend Okta user' },
	{ action: 'unlock', from: ['LOCKED_OUT'], to: 'ACTIVE', eventType: 'user.account.unlock', displayMessage: 'Unlock user account' },
	{
		action: 'reset_password',
		from: ALIVE,
		to: 'RECOVERY',
		eventType: 'user.account.reset_password',
		displayMessage: 'Reset password for Okta user',
		query: resetPasswordQuery,
		respond: (state, user, req) => {
			if (req.query.get('revokeSessions') === 'true') revokeSessions(state, user);
			return req.query.get('sendEmail') === 'false' ? { resetPasswordUrl: `${req.baseUrl}/reset_password/drpFN5Dx${user.id.slice(-6)}` } : {};
		},
	},
	{
		action: 'expire_password',
		from: ALIVE,
		to: 'PASSWORD_EXPIRED',
		eventType: 'user.account.expire_password',
		displayMessage: 'Expire password for Okta user',
		respond: (_state, user) => user,
	},
	{
		action: 'expire_password_with_temp_password',
		from: ALIVE,
		to: 'PASSWORD_EXPIRED',
		eventType: 'user.account.expire_password',
		displayMessage: 'Expire password for Okta user',
		query: revokeSessionsQuery,
		respond: (state, user, req) => {
			if (req.query.get('revokeSessions') === 'true') revokeSessions(state, user);
			return { tempPassword: `Tmp-${user.id.slice(-6)}-sbx` };
		},
	},
	{
		action: 'reset_factors',
		from: ['ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'PROVISIONED'],
		eventType: 'user.mfa.factor.reset_all',
		displayMessage: 'Reset all factors for user',
		respond: (state, user) => {
			state.factors[user.id] = [];
			return undefined;
		},
	},
];

/** Okta's user lifecycle state machine: a call from a status that does not allow it answers 403 E0000038. */
export const lifecycleRoutes: Route<OktaState>[] = TRANSITIONS.map((t) => ({
	method: 'POST',
	path: `/api/v1/users/:userId/lifecycle/${t.action}`,
	bucket: '/api/v1/users/:id',
	query: t.query,
	handle(state: OktaState, req: SandboxRequest): SandboxResponse {
		const user = findUser(state, req.params.userId);
		if (!user) return notFound(req.params.userId, 'User');
		if (!t.from.includes(user.status)) return t.refused?.(user) ?? notAllowedInStatus();
		const now = state.clock.iso();
		if (t.to) {
			user.status = t.to;
			user.statusChanged = now;
			if (t.to === 'PROVISIONED') user.activated = now;
		}
		user.lastUpdated = now;
		const body = t.respond?.(state, user, req);
		logAction(state.logs, t.eventType, t.displayMessage, user);
		return { status: 200, body: body ?? {} };
	},
}));

const clearSessionsQuery = z.object({ oauthTokens: bool.optional(), forgetDevices: bool.optional() });

export const sessionRoutes: Route<OktaState>[] = [
	{
		method: 'DELETE',
		path: '/api/v1/users/:userId/sessions',
		bucket: '/api/v1/users/:id',
		query: clearSessionsQuery,
		handle(state, req) {
			const user = findUser(state, req.params.userId);
			if (!user) return notFound(req.params.userId, 'User');
			const query = clearSessionsQuery.parse(Object.fromEntries(req.query));
			delete state.sessions[user.id];
			if (query.oauthTokens) delete state.grants[user.id];
			// Okta Classic keeps remembered devices unless asked; Identity Engine forgets them by default.
			if (query.forgetDevices) delete state.rememberedDevices[user.id];
			logAction(state.logs, 'user.session.clear', 'Clear user session', user);
			return { status: 204 };
		},
	},
	{
		method: 'GET',
		path: '/api/v1/users/:userId/factors',
		bucket: '/api/v1/users/:id',
		handle(state, req) {
			const user = findUser(state, req.params.userId);
			if (!user) return notFound(req.params.userId, 'User');
			return { status: 200, body: state.factors[user.id] ?? [] };
		},
	},
];
