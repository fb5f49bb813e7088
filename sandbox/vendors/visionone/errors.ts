import type { SandboxResponse } from '../../framework/types';

/** Vision One's error envelope: `{"error": {"code", "message", "number"?}}` (pytmv1 `model/common.py#Error`). */
export function visionOneError(status: number, code: string, message: string, number?: number): SandboxResponse {
	return { status, body: { error: { code, message, ...(number === undefined ? {} : { number }) } } };
}

const CODE_BY_STATUS: Record<number, [string, string]> = {
	400: ['BadRequest', 'Invalid request.'],
	401: ['Unauthorized', 'The API key is missing, invalid or expired.'],
	403: ['AccessDenied', 'Insufficient permissions.'],
	404: ['NotFound', 'Resource not found.'],
	405: ['MethodNotAllowed', 'The endpoint does not support the provided HTTP method.'],
	412: ['ConditionNotMet', 'The ETag in If-Match does not match the current one.'],
	413: ['RequestEntityTooLarge', 'The request body exceeds 1 MB.'],
	429: ['TooManyRequests', 'Too many API requests.'],
	500: ['InternalServerError', 'An internal error has occurred.'],
	502: ['BadGateway', 'Bad gateway.'],
	503: ['ServiceUnavailable', 'Service unavailable.'],
	504: ['GatewayTimeout', 'The request took longer than 60 seconds.'],
};

export function visionOneErrorForStatus(status: number, message: string, details: string[] = []): SandboxResponse {
	const [code, fallback] = CODE_BY_STATUS[status] ?? ['InternalServerError', `HTTP ${status}`];
	const text = [message || fallback, ...details].join(': ');
	return visionOneError(status, code, text);
}

export const alertNotFound = (id: string) => visionOneError(404, 'NotFound', `Workbench alert ${id} not found.`, 3090007);
export const conditionNotMet = () => visionOneError(412, 'ConditionNotMet', 'The resource has been modified; get its current ETag and retry.', 3090018);
export const badRequest = (message: string) => visionOneError(400, 'BadRequest', message, 3090003);
