import type { SandboxResponse } from '../../framework/types';

const IDS: Record<number, [string, string]> = {
	400: ['bad_request', 'Bad request'],
	401: ['unauthorized', 'Unauthorized'],
	403: ['forbidden', 'Forbidden'],
	404: ['not_found', 'Not found'],
	405: ['method_not_allowed', 'Method not allowed'],
	412: ['precondition_failed', 'Precondition failed'],
	500: ['internal_error', 'Internal server error'],
	502: ['bad_gateway', 'Bad gateway'],
	503: ['service_unavailable', 'Service unavailable'],
};

/** The XSOAR server's error body (6.x, and 8.x behind the `/xsoar` web-app prefix). */
export function xsoarError(status: number, detail: string, error = ''): SandboxResponse {
	const [id, title] = IDS[status] ?? ['internal_error', 'Internal server error'];
	return { status, body: { id, status, title, detail: detail || title, error: error || detail || title, encrypted: false, multires: null } };
}

export function xsoarErrorForStatus(status: number, message: string, details: string[] = []): SandboxResponse {
	return xsoarError(status, message, details.join('; '));
}

/** What XSOAR 6 answers to a missing or wrong API key (it falls back to the session check). */
export const v6Forbidden = () => xsoarError(403, 'Issue with CSRF code', 'http: named cookie not present');

/** The Cortex platform envelope XSOAR 8 answers when the key, key ID or key level is wrong. */
export function cortexUnauthorized(): SandboxResponse {
	return { status: 401, body: { reply: { err_code: 401, err_msg: 'Public API request unauthorized', err_extra: null } } };
}
