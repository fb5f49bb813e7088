import { z } from 'zod';

import { pageByToken } from '../../framework/paging';
import type { SandboxResponse } from '../../framework/types';
import { c1Error } from './errors';

/** ConductorOne's page size rule: 0 or absent → 25, below 10 → 10, above 100 → 100. */
export function pageSize(requested: number | undefined): number {
	if (!requested) return 25;
	return Math.min(100, Math.max(10, requested));
}

/** GET lists: `page_size` / `page_token` in the query. */
export const listQuery = z.object({ page_size: z.coerce.number().int().min(0).optional(), page_token: z.string().optional() }).strict();

/** POST searches: `pageSize` / `pageToken` in the body. */
export const pageFields = { pageSize: z.number().int().min(0).optional(), pageToken: z.string().optional() };

/** `{list, nextPageToken}` (an empty token on the last page), or INVALID_ARGUMENT for a token the sandbox never issued. */
export function page<T>(records: T[], size: number | undefined, token: string | undefined, extra: Record<string, unknown> = {}): SandboxResponse {
	const result = pageByToken(records, token, pageSize(size));
	if ('invalidToken' in result) return c1Error('INVALID_ARGUMENT', 'invalid page token');
	return { status: 200, body: { list: result.page, nextPageToken: result.nextToken ?? '', ...extra } };
}

export function queryPage<T>(records: T[], query: URLSearchParams): SandboxResponse {
	const size = query.get('page_size');
	return page(records, size ? Number(size) : undefined, query.get('page_token') ?? undefined);
}
