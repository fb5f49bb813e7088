import { headerValue, safeEqual } from '../../framework/auth';
import type { SandboxRequest, SandboxResponse } from '../../framework/types';
import { failed } from './envelope';
import type { Pam360State, RpaEntry } from './state';

const RPA_PAGE = 'Admin » Integrations » Robotic Process Automation';

/** Who made a call: the PAM360 user whose access applies, and how the audit names them. */
export interface Caller {
	user: string;
	actor: string;
}

function byToken<T extends { token: string }>(entries: T[], token: string): T | undefined {
	return entries.find((entry) => safeEqual(token, entry.token));
}

/** Why an RPA entry's App Token is refused right now, or undefined when it may act. */
export function rpaRefusal(state: Pam360State, entry: RpaEntry): { status: number; message: string } | undefined {
	if (entry.status === 'deleted') {
		return { status: 401, message: `The RPA entry "${entry.name}" was deleted, so its App Token no longer works. Create a new entry under ${RPA_PAGE} and put its token in the credential.` };
	}
	if (entry.status === 'pending') {
		return { status: 403, message: `The RPA entry "${entry.name}" is pending approval. Ask a PAM360 administrator to approve it under ${RPA_PAGE}, then run again.` };
	}
	if (entry.status === 'rejected') {
		return { status: 403, message: `The RPA entry "${entry.name}" was rejected by ${entry.decidedBy ?? 'an administrator'}. Ask a PAM360 administrator to review the entry, or create a new one under ${RPA_PAGE}.` };
	}
	if (entry.expiresAt !== undefined && state.clock.now() >= entry.expiresAt) {
		return { status: 401, message: `The App Token of RPA entry "${entry.name}" expired on ${new Date(entry.expiresAt).toISOString()}. Regenerate it under ${RPA_PAGE} and update the credential.` };
	}
	return undefined;
}

/**
 * `AUTHTOKEN` (+ optional `orgName`) for an API user; `APP_AUTHTOKEN` with `APP_TYPE: 17` (headers) or
 * `APP_AUTHTOKEN` + `APP_NAME` (query, the Ansible lookup) for an RPA App Token.
 */
export function authenticateCaller(state: Pam360State, req: SandboxRequest): Caller | SandboxResponse {
	const refuse = (message: string, status = 401) => failed('AUTHENTICATION', message, status);
	const authToken = headerValue(req, 'AUTHTOKEN');
	if (authToken) {
		const apiUser = [...state.apiUsers].find(([token]) => safeEqual(authToken, token))?.[1];
		if (!apiUser) return refuse('Invalid AUTHTOKEN: no API user has this token. Regenerate it under Users » API user and update the credential.');
		const org = headerValue(req, 'orgName');
		if (org && org !== apiUser.org) return refuse(`The API user is not a member of the organization "${org}".`);
		return { user: apiUser.user, actor: apiUser.user };
	}
	const headerToken = headerValue(req, 'APP_AUTHTOKEN');
	const appToken = headerToken ?? req.query.get('APP_AUTHTOKEN') ?? undefined;
	if (!appToken) return refuse('Authentication failed: send the AUTHTOKEN header (API user) or APP_AUTHTOKEN (RPA App Token).');
	if (headerToken) {
		const appType = headerValue(req, 'APP_TYPE');
		if (appType !== undefined && appType !== '17') return refuse(`APP_TYPE "${appType}" is not an RPA integration type; App Tokens use APP_TYPE 17.`);
	} else if (!req.query.get('APP_NAME')) {
		return refuse('APP_NAME is required with an APP_AUTHTOKEN query parameter.');
	}
	const entry = byToken(state.rpa, appToken);
	if (!entry) return refuse('Invalid App Token: no RPA entry has this token.');
	const refusal = rpaRefusal(state, entry);
	if (refusal) return refuse(refusal.message, refusal.status);
	return { user: entry.user, actor: `${entry.user} (RPA: ${entry.name})` };
}

/** The caller `authenticate` stored in `req.principal`. */
export function callerOf(req: SandboxRequest): Caller {
	return JSON.parse(req.principal ?? '{}') as Caller;
}
