import { bearerToken } from '../../framework/auth';
import type { Route, VendorModule } from '../../framework/types';
import { accountRoutes } from './accounts';
import { visionOneAdmin } from './admin';
import { alertRoutes } from './alerts';
import { caseRoutes } from './cases';
import { endpointRoutes } from './endpoints';
import { visionOneError, visionOneErrorForStatus } from './errors';
import { syncOktaAlerts } from './okta';
import { settleTasks, taskRoutes } from './responseTasks';
import { SAMPLE_API_KEY, createVisionOneState } from './state';
import type { VisionOneState } from './state';

/** Before every call: the connected Okta tenant's new anomalies become alerts, finished tasks take effect. */
function current(routes: Route<VisionOneState>[]): Route<VisionOneState>[] {
	return routes.map((route) => ({
		...route,
		handle(state, req) {
			syncOktaAlerts(state);
			settleTasks(state);
			return route.handle(state, req);
		},
	}));
}

export const visionone: VendorModule<VisionOneState> = {
	name: 'visionone',
	createState: createVisionOneState,
	routes: current([
		{
			method: 'GET',
			path: '/v3.0/healthcheck/connectivity',
			bucket: '/v3.0/healthcheck',
			handle: () => ({ status: 200, body: { status: 'available' } }),
		},
		...alertRoutes,
		...accountRoutes,
		...endpointRoutes,
		...taskRoutes,
		...caseRoutes,
	]),
	authenticate(state, req) {
		const token = bearerToken(req);
		if (token && state.tokens.has(token)) {
			req.principal = 'sandbox-api';
			return undefined;
		}
		return visionOneError(401, 'Unauthorized', token ? 'The API key is invalid or expired.' : 'The Authorization header with a Bearer API key is missing.');
	},
	error: visionOneErrorForStatus,
	// Vision One documents no rate-limit headers (limits are per 60 s; a 429 says "Too many API requests").
	rateLimitHeaders: () => ({}),
	tooManyRequests: () => visionOneError(429, 'TooManyRequests', 'Too many API requests.'),
	defaultRateLimit: { limit: 600, windowMs: 60_000 },
	sampleCredentials: (baseUrl) => ({ url: baseUrl, apiKey: SAMPLE_API_KEY }),
	snapshot: (state) => {
		syncOktaAlerts(state);
		settleTasks(state);
		return {
		alerts: state.alerts,
		notes: state.notes,
		tasks: state.tasks.list(),
		subjects: Object.fromEntries([...state.subjects].map(([id, s]) => [id, { action: s.action, names: s.names, applied: s.applied ?? false }])),
		endpoints: state.endpoints,
		blockList: [...state.blockList],
			cases: state.cases,
		directory: state.directory,
		};
	},
	admin: visionOneAdmin,
};
