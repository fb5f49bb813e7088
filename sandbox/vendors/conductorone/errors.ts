import type { SandboxResponse } from '../../framework/types';

/** gRPC status codes ConductorOne's gateway answers with, and the HTTP status each maps to (gRPC-gateway convention). */
export const GRPC = {
	INVALID_ARGUMENT: { code: 3, http: 400 },
	NOT_FOUND: { code: 5, http: 404 },
	ALREADY_EXISTS: { code: 6, http: 409 },
	PERMISSION_DENIED: { code: 7, http: 403 },
	RESOURCE_EXHAUSTED: { code: 8, http: 429 },
	FAILED_PRECONDITION: { code: 9, http: 400 },
	UNIMPLEMENTED: { code: 12, http: 501 },
	INTERNAL: { code: 13, http: 500 },
	UNAVAILABLE: { code: 14, http: 503 },
	UNAUTHENTICATED: { code: 16, http: 401 },
} as const;

export type GrpcStatus = keyof typeof GRPC;

/** `google.rpc.Status`: `{code, message, details[]}` with the mapped HTTP status. */
export function c1Error(status: GrpcStatus, message: string, details: string[] = []): SandboxResponse {
	const { code, http } = GRPC[status];
	return {
		status: http,
		body: {
			code,
			message,
			details: details.map((reason) => ({ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: reason }] })),
		},
	};
}

const BY_HTTP: Record<number, GrpcStatus> = {
	400: 'INVALID_ARGUMENT',
	401: 'UNAUTHENTICATED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	405: 'UNIMPLEMENTED',
	409: 'ALREADY_EXISTS',
	429: 'RESOURCE_EXHAUSTED',
	500: 'INTERNAL',
	502: 'UNAVAILABLE',
	503: 'UNAVAILABLE',
	504: 'UNAVAILABLE',
};

/** The envelope for a status the framework decides (validation, unknown routes, injected faults). */
export function c1ErrorForStatus(status: number, message: string, details: string[] = []): SandboxResponse {
	const grpc = BY_HTTP[status] ?? 'INTERNAL';
	const response = c1Error(grpc, details.length ? `invalid request: ${details.join('; ')}` : message || grpc.toLowerCase(), details);
	// Injected 502/504 faults keep their HTTP status; the body still says UNAVAILABLE.
	response.status = status;
	return response;
}

export const notFound = (kind: string, id: string) => c1Error('NOT_FOUND', `${kind} not found: ${id}`);
