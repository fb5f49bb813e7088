import { z } from 'zod';

import type { Route } from '../../framework/types';
import { notFound, oktaError } from './errors';
import { linkHeaders, pageAfter } from './paging';
import { ScimError, matches, tryParseScim } from './scim';
import { findUser } from './state';
import type { OktaState } from './state';

const listUsersQuery = z
	.object({
		q: z.string().optional(),
		filter: z.string().optional(),
		search: z.string().optional(),
		after: z.string().optional(),
		limit: z.coerce.number().int().min(1).max(200).optional(),
		sortBy: z.string().optional(),
		sortOrder: z.enum(['asc', 'desc']).optional(),
	})
	.strict();

export const userRoutes: Route<OktaState>[] = [
	{
		method: 'GET',
		path: '/api/v1/users',
		bucket: '/api/v1/users',
		query: listUsersQuery,
		handle(state, req) {
			const query = listUsersQuery.parse(Object.fromEntries(req.query));
			let users = state.users;
			if (query.q !== undefined) {
				// `q` is a startsWith match on first name, last name or email, without paging (default 10).
				const q = query.q.toLowerCase();
				users = users
					.filter((u) => u.status !== 'DEPROVISIONED')
					.filter((u) => [u.profile.firstName, u.profile.lastName, u.profile.email].some((v) => v.toLowerCase().startsWith(q)))
					.slice(0, query.limit ?? 10);
				return { status: 200, headers: { Link: linkHeaders(req) }, body: users };
			}
			const expression = query.search ?? query.filter;
			if (expression !== undefined) {
				const tree = tryParseScim(expression);
				if (tree instanceof ScimError) return oktaError(400, 'E0000031', 'Invalid search criteria.', [tree.message]);
				users = users.filter((u) => matches(tree, u));
			} else {
				users = users.filter((u) => u.status !== 'DEPROVISIONED');
			}
			const { page, nextAfter } = pageAfter(users, query.after ?? null, query.limit ?? 200);
			return { status: 200, headers: { Link: linkHeaders(req, nextAfter) }, body: page };
		},
	},
	{
		method: 'GET',
		path: '/api/v1/users/:userId',
		bucket: '/api/v1/users/:id',
		handle(state, req) {
			const user = findUser(state, req.params.userId);
			if (!user) return notFound(req.params.userId, 'User');
			return { status: 200, body: user };
		},
	},
];
