import { randomUUID } from 'node:crypto';

import type { VendorModule } from '../../framework/types';
import { accessReviewRoutes } from './accessReviews';
import { registerApp } from './apps';
import { connectorRoutes } from './connectors';
import { directoryRoutes } from './directory';
import { c1Error, c1ErrorForStatus } from './errors';
import { authenticate, oauthRoutes } from './oauth';
import { SAMPLE_CLIENT_ID, clientKeys, clientSecretFor, createConductorOneState } from './state';
import type { ConductorOneState } from './state';
import { taskRoutes } from './tasks';
import { syncXsoarApp } from './xsoarConnector';

export const conductorone: VendorModule<ConductorOneState> = {
	name: 'conductorone',
	createState(clock, peers) {
		const state = createConductorOneState(clock, peers);
		// With a hosted XSOAR (listed before ConductorOne, so its state exists), the XSOAR app starts as one sync left it.
		syncXsoarApp(state);
		return state;
	},
	routes: [...oauthRoutes, ...directoryRoutes, ...taskRoutes, ...connectorRoutes, ...accessReviewRoutes],
	authenticate,
	error: c1ErrorForStatus,
	responseHeaders: () => ({ 'X-Request-Id': randomUUID() }),
	// ConductorOne documents no rate-limit headers; its gateway answers RESOURCE_EXHAUSTED (429) with Retry-After.
	rateLimitHeaders: () => ({}),
	tooManyRequests(info, now) {
		const response = c1Error('RESOURCE_EXHAUSTED', 'rate limit exceeded');
		response.headers = { 'Retry-After': String(Math.max(1, Math.ceil(info.resetAt - now / 1000))) };
		return response;
	},
	defaultRateLimit: { limit: 1000, windowMs: 60_000 },
	// The tenant URL is the sandbox (the client ID names the real-looking tenant, as ConductorOne's do).
	sampleCredentials: (baseUrl) => ({ clientId: SAMPLE_CLIENT_ID, clientSecret: clientSecretFor(clientKeys().privateJwk), tenantUrl: baseUrl }),
	snapshot: (state) => ({ users: state.users.length, apps: state.apps, bindings: state.bindings, tasks: state.tasks, connectors: state.connectors, accessReviews: state.accessReviews }),
	admin: {
		/** `{id, displayName, grantPolicy?, revokePolicy?, entitlements[], accounts[]}`: a connector-synced app (see apps.ts). */
		registerApp,
		/** Every issued access token stops working, as when their hour is up. */
		expireTokens: (state) => ({ expired: state.tokens.expireAll() }),
		/** `{seconds}`: lifetime of new access tokens. */
		tokenLifetime(state, body) {
			state.tokenLifetimeSeconds = Number(body.seconds ?? 3600);
			return { seconds: state.tokenLifetimeSeconds };
		},
	},
};
