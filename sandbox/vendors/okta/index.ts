import { randomUUID } from 'node:crypto';

import { authorizationCredential } from '../../framework/auth';
import type { VendorModule } from '../../framework/types';
import { oktaAdmin } from './admin';
import { oktaError, oktaErrorForStatus } from './errors';
import { eventHookRoutes } from './eventHooks';
import { groupRoutes } from './groups';
import { lifecycleRoutes, sessionRoutes } from './lifecycle';
import { logRoutes } from './logs';
import { authenticateOAuth, oauthRoutes } from './oauth';
import { DPOP_SERVICE_APP_CLIENT_ID, GRANTED_SCOPES, SERVICE_APP_CLIENT_ID, serviceAppKeys } from './oauthState';
import { SAMPLE_API_TOKEN, createOktaState } from './state';
import type { OktaState } from './state';
import { userRoutes } from './users';

export const okta: VendorModule<OktaState> = {
	name: 'okta',
	createState: createOktaState,
	routes: [...userRoutes, ...lifecycleRoutes, ...sessionRoutes, ...groupRoutes, ...logRoutes, ...eventHookRoutes, ...oauthRoutes],
	authenticate(state, req) {
		const admin = state.apiTokens.get(authorizationCredential(req, 'SSWS') ?? '');
		if (admin) {
			// An API token acts as the admin who created it.
			req.principal = admin;
			return undefined;
		}
		for (const scheme of ['Bearer', 'DPoP'] as const) {
			const token = authorizationCredential(req, scheme);
			if (token) return authenticateOAuth(state, req, scheme, token);
		}
		return oktaError(401, 'E0000011', 'Invalid token provided');
	},
	error: oktaErrorForStatus,
	// Every answer, errors and 429s included, names the request for Okta support.
	responseHeaders: () => ({ 'X-Okta-Request-Id': randomUUID().replace(/-/g, '').slice(0, 24) }),
	// Okta sends the three headers on every response and never `Retry-After`; rate limits run on wall time.
	rateLimitHeaders: (info, now) => ({
		'X-Rate-Limit-Limit': String(info.limit),
		'X-Rate-Limit-Remaining': String(info.remaining),
		'X-Rate-Limit-Reset': String(info.resetAt),
		Date: new Date(now).toUTCString(),
	}),
	tooManyRequests(info, now) {
		const response = oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
		response.headers = {
			'X-Rate-Limit-Limit': String(info.limit),
			'X-Rate-Limit-Remaining': '0',
			'X-Rate-Limit-Reset': String(info.resetAt),
			Date: new Date(now).toUTCString(),
		};
		return response;
	},
	defaultRateLimit: { limit: 600, windowMs: 60_000 },
	sampleCredentials: (baseUrl) => ({
		url: baseUrl,
		apiToken: SAMPLE_API_TOKEN,
		// The service apps (`private_key_jwt`; the second requires DPoP) for the OAuth 2.0 credential.
		clientId: SERVICE_APP_CLIENT_ID,
		dpopClientId: DPOP_SERVICE_APP_CLIENT_ID,
		privateKey: serviceAppKeys().privateKeyPem,
		scopes: GRANTED_SCOPES.join(' '),
	}),
	snapshot: (state) => ({
		users: state.users,
		groups: state.groups,
		memberships: state.memberships,
		factors: state.factors,
		sessions: state.sessions,
		grants: state.grants,
		eventHooks: state.eventHooks,
		logEvents: state.logs.events.length,
	}),
	admin: oktaAdmin,
};
