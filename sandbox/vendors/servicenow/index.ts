import type { VendorModule } from '../../framework/types';
import { attachmentRoutes } from './attachments';
import { snError, snErrorForStatus } from './errors';
import { oauthRoutes } from './oauth';
import { SAMPLE_PASSWORD, SAMPLE_USER, createServiceNowState, nowMs } from './state';
import type { ServiceNowState } from './state';
import { tableRoutes } from './tables';

function authenticatedUser(state: ServiceNowState, authorization: string): string | undefined {
	const [scheme, credential = ''] = authorization.split(' ');
	if (scheme === 'Basic') {
		const decoded = Buffer.from(credential, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const user = decoded.slice(0, colon);
		return colon > 0 && state.accounts.get(user) === decoded.slice(colon + 1) ? user : undefined;
	}
	if (scheme === 'Bearer') {
		const token = state.tokens.get(credential);
		return token && token.expiresAt > nowMs(state) ? token.user : undefined;
	}
	return undefined;
}

export const servicenow: VendorModule<ServiceNowState> = {
	name: 'servicenow',
	createState: createServiceNowState,
	routes: [...oauthRoutes, ...attachmentRoutes, ...tableRoutes],
	authenticate(state, req) {
		const user = authenticatedUser(state, String(req.headers.authorization ?? ''));
		if (!user) return snErrorForStatus(401, '');
		// Handlers read the caller from here (sys_created_by, journal authors); a client-sent value is overwritten.
		req.headers['x-sandbox-user'] = user;
		return undefined;
	},
	error: snErrorForStatus,
	// One limit per instance; the rule headers come with every answer the rule matched.
	rateLimitHeaders: (info) => ({
		'X-RateLimit-Limit': String(info.limit),
		'X-RateLimit-Reset': String(info.resetAt),
		'X-RateLimit-Rule': 'sandboxratelimitrule0000000000001',
	}),
	tooManyRequests(info, now) {
		const response = snError(
			429,
			'Rate limit exceeded',
			`Rate limit of ${info.limit} requests per hour for Table API exceeded`,
		);
		response.headers = {
			'Retry-After': String(Math.max(1, Math.ceil(info.resetAt - now / 1000))),
			'X-RateLimit-Limit': String(info.limit),
			'X-RateLimit-Reset': String(info.resetAt),
			'X-RateLimit-Rule': 'sandboxratelimitrule0000000000001',
		};
		return response;
	},
	defaultRateLimit: { limit: 5000, windowMs: 60_000 },
	sampleCredentials: (baseUrl) => ({ instanceUrl: baseUrl, username: SAMPLE_USER, password: SAMPLE_PASSWORD }),
	snapshot: (state) => ({ tables: state.tables, clientCredentialsEnabled: state.clientCredentialsEnabled }),
	admin: {
		/** `{frozenAt?: ISO | null, advanceSeconds?: number}`: control the instance clock. */
		clock(state, body) {
			if (body.frozenAt === null) state.clock.frozenAt = undefined;
			else if (typeof body.frozenAt === 'string') state.clock.frozenAt = Date.parse(body.frozenAt);
			const advance = Number(body.advanceSeconds ?? 0) * 1000;
			if (state.clock.frozenAt !== undefined) state.clock.frozenAt += advance;
			else state.clock.offsetMs += advance;
			return { now: new Date(nowMs(state)).toISOString() };
		},
		/** `{enabled: boolean}`: the client-credentials system property. */
		clientCredentials(state, body) {
			state.clientCredentialsEnabled = body.enabled !== false;
			return { enabled: state.clientCredentialsEnabled };
		},
		/** `{seconds}`: lifetime of new access tokens. */
		tokenLifetime(state, body) {
			state.tokenLifetimeSeconds = Number(body.seconds ?? 1800);
			return { seconds: state.tokenLifetimeSeconds };
		},
		revokeTokens(state) {
			state.tokens.clear();
			return { revoked: true };
		},
	},
};
