import { randomUUID } from 'node:crypto';

import type { SandboxResponse } from '../../framework/types';

/** Okta's error envelope: `errorLink` repeats `errorCode`; `errorCauses` carries field-level reasons. */
export function oktaError(status: number, errorCode: string, errorSummary: string, causes: string[] = []): SandboxResponse {
	return {
		status,
		body: {
			errorCode,
			errorSummary,
			errorLink: errorCode,
			errorId: `oae${randomUUID().replace(/-/g, '').slice(0, 19)}`,
			errorCauses: causes.map((cause) => ({ errorSummary: cause })),
		},
	};
}

const CODE_BY_STATUS: Record<number, [string, string]> = {
	400: ['E0000001', 'Api validation failed'],
	401: ['E0000011', 'Invalid token provided'],
	403: ['E0000006', 'You do not have permission to perform the requested action'],
	404: ['E0000007', 'Not found'],
	405: ['E0000022', 'The endpoint does not support the provided HTTP method'],
	429: ['E0000047', 'API call exceeded rate limit due to too many requests.'],
	500: ['E0000009', 'Internal Server Error'],
	502: ['E0000009', 'Bad Gateway'],
	503: ['E0000010', 'Service is in read only mode'],
};

export function oktaErrorForStatus(status: number, message: string, causes: string[] = []): SandboxResponse {
	const [code, summary] = CODE_BY_STATUS[status] ?? ['E0000009', 'Internal Server Error'];
	if (status === 400) return oktaError(400, code, `Api validation failed: ${causes.join('; ') || message}`, causes);
	if (status === 404) return oktaError(404, code, message, causes);
	return oktaError(status, code, message || summary, causes);
}

export const notFound = (id: string, type: string) =>
	oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${type})`);

export const notAllowedInStatus = () =>
	oktaError(403, 'E0000038', "This operation is not allowed in the user's current status.");
