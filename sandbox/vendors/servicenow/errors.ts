import type { SandboxResponse } from '../../framework/types';

/** ServiceNow's failure envelope; the HTTP status is only on the status line. */
export function snError(status: number, message: string, detail: string | null = null): SandboxResponse {
	return { status, body: { error: { message, detail }, status: 'failure' } };
}

const MESSAGES: Record<number, [string, string | null]> = {
	400: ['Invalid request', null],
	401: ['User Not Authenticated', 'Required to provide Auth information'],
	403: ['Operation Failed', 'ACL restricts the operation'],
	404: ['No Record found', "Record doesn't exist or ACL restricts the record retrieval"],
	405: ['Method not Supported', 'The endpoint does not support the provided HTTP method'],
	500: ['Internal Server Error', null],
	502: ['Bad Gateway', null],
	503: ['Service Unavailable', 'The instance is unavailable'],
};

export function snErrorForStatus(status: number, message: string, details: string[] = []): SandboxResponse {
	const [defaultMessage, defaultDetail] = MESSAGES[status] ?? ['Internal Server Error', null];
	return snError(status, message && status !== 404 ? message : defaultMessage, details.join('; ') || defaultDetail);
}

export const noRecord = () => snErrorForStatus(404, '');
