import { applyClockSettings, clockSettingsSchema } from '../../framework/clock';
import type { VendorModule } from '../../framework/types';
import { authenticateXsoar } from './auth';
import { directoryRoutes, listRoles, listUsers } from './directory';
import { xsoarError, xsoarErrorForStatus } from './errors';
import { incidentRoutes } from './incidents';
import {
	READ_ONLY_V6_KEY,
	SAMPLE_V6_KEY,
	SAMPLE_V8_ADVANCED_KEY,
	SAMPLE_V8_ADVANCED_KEY_ID,
	SAMPLE_V8_KEY,
	SAMPLE_V8_KEY_ID,
	createXsoarState,
} from './state';
import type { Incident, XsoarState } from './state';

export { listRoles, listUsers, setUserRoles, userRoleNames } from './directory';

/**
 * Cortex XSOAR 6 and 8 at once: XSOAR 6 paths at the root (raw key in `Authorization`), XSOAR 8 under `/xsoar` and
 * `/xsoar/public/v1` (key ID in `x-xdr-auth-id`, standard or advanced key). The credential's URL is this vendor's
 * base URL in both cases; the node adds the XSOAR 8 prefixes.
 */
export const xsoar: VendorModule<XsoarState> = {
	name: 'xsoar',
	createState: createXsoarState,
	routes: [...incidentRoutes, ...directoryRoutes],
	authenticate: authenticateXsoar,
	error: xsoarErrorForStatus,
	// XSOAR documents no rate-limit headers; a throttling proxy in front of it answers 429 with Retry-After.
	rateLimitHeaders: () => ({}),
	tooManyRequests(info, now) {
		const response = xsoarError(429, 'Too many requests', 'rate limit');
		response.headers = { 'Retry-After': String(Math.max(1, Math.ceil(info.resetAt - now / 1000))) };
		return response;
	},
	defaultRateLimit: { limit: 5000, windowMs: 60_000 },
	sampleCredentials: (baseUrl) => ({
		url: baseUrl,
		apiKey: SAMPLE_V6_KEY,
		readOnlyApiKey: READ_ONLY_V6_KEY,
		v8ApiKey: SAMPLE_V8_KEY,
		v8ApiKeyId: SAMPLE_V8_KEY_ID,
		v8AdvancedApiKey: SAMPLE_V8_ADVANCED_KEY,
		v8AdvancedApiKeyId: SAMPLE_V8_ADVANCED_KEY_ID,
	}),
	snapshot: (state) => ({
		incidents: state.incidents,
		investigations: Object.fromEntries(state.investigations),
		users: listUsers(state),
		roles: listRoles(state),
	}),
	admin: {
		/** `{frozenAt?: ISO | null, offsetMs?, advanceSeconds?}`: the server clock, as `POST /__admin/clock` sets it. */
		clock(state, body) {
			applyClockSettings(state.clock, clockSettingsSchema.parse(body));
			return { now: state.clock.iso() };
		},
		/** `{id, times?, changes?}`: after each of the next `times` reads of the incident, another user edits it. */
		concurrentEdit(state, body) {
			const times = Number(body.times ?? 1);
			state.concurrentEdits.set(String(body.id), { times, changes: (body.changes ?? { owner: 'bob' }) as Partial<Incident> });
			return { id: String(body.id), times };
		},
	},
};
