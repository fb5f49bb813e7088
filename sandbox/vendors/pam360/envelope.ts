import type { SandboxResponse } from '../../framework/types';

/** PAM360's answer: `{"operation":{"name","result":{"status","message"},"Details"?,"totalRows"?}}`, values as strings. */
export function success(name: string, message: string, extra: { Details?: unknown; totalRows?: number } = {}): SandboxResponse {
	const { Details, totalRows } = extra;
	return {
		status: 200,
		body: {
			operation: {
				name,
				result: { status: 'Success', message },
				...(Details === undefined ? {} : { Details }),
				...(totalRows === undefined ? {} : { totalRows }),
			},
		},
	};
}

/** A refusal in the same envelope; PAM360 answers most of them with HTTP 200 (authentication with 401/403 here). */
export function failed(name: string, message: string, status = 200): SandboxResponse {
	return { status, body: { operation: { name, result: { status: 'Failed', message } } } };
}
