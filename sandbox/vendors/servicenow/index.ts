import { basicCredentials, bearerToken, safeEqual } from '../../framework/auth';
import { applyClockSettings, clockSettingsSchema } from '../../framework/clock';
import type { SandboxRequest, VendorModule } from '../../framework/types';
import { attachmentRoutes } from './attachments';
import { snError, snErrorForStatus } from './errors';
import { oauthRoutes } from './oauth';
import { SAMPLE_CLIENT_ID, SAMPLE_CLIENT_SECRET, SAMPLE_PASSWORD, SAMPLE_USER, createServiceNowState } from './state';
import type { ServiceNowState } from './state';
import { tableRoutes } from './tables';

function authenticatedUser(state: ServiceNowState, req: SandboxRequest): string | undefined {
	const basic = basicCredentials(req);
	if (basic) {
		const password = state.accounts.get(basic.username);
		return password !== undefined && safeEqual(basic.password, password) ? basic.username : undefined;
	}
	return state.tokens.live(bearerToken(req))?.user;
}

export const servicenow: VendorModule<ServiceNowState> = {
	name: 'servicenow',
	createState: createServiceNowState,
	routes: [...oauthRoutes, ...attachmentRoutes, ...tableRoutes],
	authenticate(state, req) {
		const user = authenticatedUser(state, req);
		if (!user) return snErrorForStatus(401, '');
		// Handlers stamp the caller (sys_created_by, journal authors).
		req.principal = user;
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
	// Basic auth, and the OAuth client (password and client-credentials grants) for the OAuth 2.0 credential.
	sampleCredentials: (baseUrl) => ({
		instanceUrl: baseUrl,
		username: SAMPLE_USER,
		password: SAMPLE_PASSWORD,
		clientId: SAMPLE_CLIENT_ID,
		clientSecret: SAMPLE_CLIENT_SECRET,
	}),
	snapshot: (state) => ({ tables: state.tables, clientCredentialsEnabled: state.clientCredentialsEnabled }),
	admin: {
		/** `{frozenAt?: ISO | null, offsetMs?, advanceSeconds?}`: the instance clock, as `POST /__admin/clock` sets it. */
		clock(state, body) {
			applyClockSettings(state.clock, clockSettingsSchema.parse(body));
			return { now: state.clock.iso() };
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
