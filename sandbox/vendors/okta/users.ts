import { z } from 'zod';

import { clampLimit, pageAfter } from '../../framework/paging';
import type { Route } from '../../framework/types';
import { notFound, oktaError } from './errors';
import { linkHeaders } from './paging';
import { ScimError, matches, tryParseScim } from './scim';
import { findUser } from './state';
import type { OktaState, OktaUser } from './state';

/** The parameters the spec declares; others are ignored, as Okta ignores them. A limit above 200 is served as 200. */
const listUsersQuery = z.object({
	q: z.string().optional(),
	filter: z.string().optional(),
	search: z.string().optional(),
	after: z.string().optional(),
	limit: z.coerce.number().int().min(1).optional(),
	sortBy: z.string().optional(),
	sortOrder: z.enum(['asc', 'desc']).optional(),
	fields: z.string().optional(),
	expand: z.string().optional(),
});
const getUserQuery = z.object({ expand: z.string().optional() });

/** Splits on commas outside parentheses: `id,profile:(firstName, lastName)` → `id`, `profile:(firstName, lastName)`. */
function splitFields(spec: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const c of spec) {
		if (c === ',' && depth === 0) {
			parts.push(current);
			current = '';
			continue;
		}
		if (c === '(') depth++;
		if (c === ')') depth = Math.max(0, depth - 1);
		current += c;
	}
	parts.push(current);
	return parts.map((p) => p.trim()).filter(Boolean);
}

/** Okta's field projection: the named properties, profile properties inside `profile:(…)`, and always `id`. */
export function projectFields(user: OktaUser, spec: string): Record<string, unknown> {
	const source = user as unknown as Record<string, unknown>;
	const projected: Record<string, unknown> = { id: user.id };
	for (const field of splitFields(spec)) {
		const profile = /^profile\s*:\s*\((.*)\)$/.exec(field);
		if (profile) {
			const wanted = profile[1].split(',').map((f) => f.trim());
			const values = user.profile as unknown as Record<string, unknown>;
			projected.profile = Object.fromEntries(wanted.filter((f) => f in values).map((f) => [f, values[f]]));
		} else if (field in source) {
			projected[field] = source[field];
		}
	}
	return projected;
}

export const userRoutes: Route<OktaState>[] = [
	{
		method: 'GET',
		path: '/api/v1/users',
		bucket: '/api/v1/users',
		query: listUsersQuery,
		handle(state, req) {
			const query = listUsersQuery.parse(Object.fromEntries(req.query));
			const project = (users: OktaUser[]) => (query.fields ? users.map((u) => projectFields(u, query.fields!)) : users);
			let users = state.users;
			if (query.q !== undefined) {
				// `q` is a startsWith match on first name, last name or email, without paging (default 10).
				const q = query.q.toLowerCase();
				users = users
					.filter((u) => u.status !== 'DEPROVISIONED')
					.filter((u) => [u.profile.firstName, u.profile.lastName, u.profile.email].some((v) => v.toLowerCase().startsWith(q)))
					.slice(0, clampLimit(query.limit, { fallback: 10, max: 200 }));
				return { status: 200, headers: { Link: linkHeaders(req) }, body: project(users) };
			}
			const expression = query.search ?? query.filter;
			if (expression !== undefined) {
				const tree = tryParseScim(expression);
				if (tree instanceof ScimError) return oktaError(400, 'E0000031', 'Invalid search criteria.', [tree.message]);
				users = users.filter((u) => matches(tree, u));
			} else {
				users = users.filter((u) => u.status !== 'DEPROVISIONED');
			}
			const { page, nextAfter } = pageAfter(users, query.after ?? null, clampLimit(query.limit, { fallback: 200, max: 200 }));
			return { status: 200, headers: { Link: linkHeaders(req, nextAfter) }, body: project(page) };
		},
	},
	{
		// The user the credential acts as: an API token's admin. A service app's token has no user behind it.
		method: 'GET',
		path: '/api/v1/users/me',
		bucket: '/api/v1/users/me',
		query: getUserQuery,
		handle(state, req) {
			const user = state.users.find((u) => u.id === req.principal);
			return user ? { status: 200, body: user } : notFound('me', 'User');
		},
	},
	{
		method: 'GET',
		path: '/api/v1/users/:userId',
		bucket: '/api/v1/users/:id',
		query: getUserQuery,
		handle(state, req) {
			const user = findUser(state, req.params.userId);
			if (!user) return notFound(req.params.userId, 'User');
			return { status: 200, body: user };
		},
	},
];
