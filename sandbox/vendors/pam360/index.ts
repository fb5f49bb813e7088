import type { VendorModule } from '../../framework/types';
import { pam360Admin } from './admin';
import { authenticateCaller } from './auth';
import { failed } from './envelope';
import { pam360Routes } from './routes';
import { SAMPLE_APP_TOKEN, SAMPLE_AUTHTOKEN, SAMPLE_ORG, createPam360State } from './state';
import type { Pam360State } from './state';

export const pam360: VendorModule<Pam360State> = {
	name: 'pam360',
	createState: createPam360State,
	routes: pam360Routes,
	authenticate(state, req) {
		const caller = authenticateCaller(state, req);
		if ('status' in caller) return caller;
		req.principal = JSON.stringify(caller);
		return undefined;
	},
	error: (status, message, details = []) =>
		failed('ERROR', [message || `HTTP ${status}`, ...details].join('; '), status),
	// PAM360 documents no rate limit: the sandbox's default limit sends no headers about it.
	rateLimitHeaders: () => ({}),
	tooManyRequests: () => failed('ERROR', 'Too many requests', 429),
	defaultRateLimit: { limit: 5000, windowMs: 60_000 },
	// The API user's token (AUTHTOKEN + orgName) and an approved RPA entry's App Token (APP_AUTHTOKEN + APP_TYPE 17).
	sampleCredentials: (baseUrl) => ({ url: baseUrl, authToken: SAMPLE_AUTHTOKEN, orgName: SAMPLE_ORG, appToken: SAMPLE_APP_TOKEN }),
	snapshot: (state) => ({ resources: state.resources, rpa: state.rpa, audit: state.audit }),
	admin: pam360Admin,
};
