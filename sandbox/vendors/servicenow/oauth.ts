import type { Route, SandboxResponse } from '../../framework/types';
import { newSysId } from './state';
import type { ServiceNowState } from './state';

function oauthError(status: number, error: string, description: string): SandboxResponse {
	return { status, body: { error, error_description: description } };
}

function issue(state: ServiceNowState, user: string, clientId: string, withRefresh: boolean): SandboxResponse {
	const accessToken = state.tokens.issue({ user }, state.tokenLifetimeSeconds, `snbx-${newSysId()}`);
	const body: Record<string, unknown> = {
		access_token: accessToken,
		scope: 'useraccount',
		token_type: 'Bearer',
		expires_in: state.tokenLifetimeSeconds,
	};
	if (withRefresh) {
		const refreshToken = `snbr-${newSysId()}`;
		state.refreshTokens.set(refreshToken, { user, clientId });
		body.refresh_token = refreshToken;
	}
	return { status: 200, body };
}

/** `POST /oauth_token.do`: form-encoded only; password, refresh_token and (when enabled) client_credentials grants. */
export const oauthRoutes: Route<ServiceNowState>[] = [
	{
		method: 'POST',
		path: '/oauth_token.do',
		bucket: 'instance',
		public: true,
		handle(state, req) {
			if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
				return oauthError(400, 'server_error', 'access_denied');
			}
			const form = (req.body ?? {}) as Record<string, string>;
			const client = state.oauthClients.get(form.client_id ?? '');
			if (!client || client.secret !== form.client_secret) return oauthError(401, 'server_error', 'access_denied');
			switch (form.grant_type) {
				case 'password':
					if (state.accounts.get(form.username ?? '') !== form.password) {
						return oauthError(401, 'server_error', 'access_denied');
					}
					return issue(state, form.username, form.client_id, true);
				case 'client_credentials':
					if (!state.clientCredentialsEnabled) {
						return oauthError(400, 'unsupported_grant_type', 'client_credentials grant type is not enabled');
					}
					return issue(state, client.applicationUser, form.client_id, false);
				case 'refresh_token': {
					const refresh = state.refreshTokens.get(form.refresh_token ?? '');
					if (!refresh || refresh.clientId !== form.client_id) return oauthError(401, 'server_error', 'access_denied');
					return issue(state, refresh.user, form.client_id, false);
				}
				default:
					return oauthError(400, 'unsupported_grant_type', `Unsupported grant type ${form.grant_type ?? ''}`);
			}
		},
	},
];
