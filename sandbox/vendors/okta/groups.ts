import { z } from 'zod';

import { clampLimit, pageAfter } from '../../framework/paging';
import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { notFound, oktaError } from './errors';
import { logAction } from './logStore';
import { linkHeaders } from './paging';
import { ScimError, matches, tryParseScim } from './scim';
import { findGroup, findUser } from './state';
import type { OktaGroup, OktaState, OktaUser } from './state';

/** The parameters the spec declares; others are ignored, as Okta ignores them. Larger limits are served at the maximum. */
const listGroupsQuery = z.object({
	q: z.string().optional(),
	filter: z.string().optional(),
	search: z.string().optional(),
	after: z.string().optional(),
	limit: z.coerce.number().int().min(1).optional(),
	expand: z.string().optional(),
	sortBy: z.string().optional(),
	sortOrder: z.enum(['asc', 'desc']).optional(),
});
const pageQuery = z.object({ after: z.string().optional(), limit: z.coerce.number().int().min(1).optional() });

/** `expand=stats` embeds the member count (`_embedded.stats.usersCount`); `app` embeds nothing for Okta-managed groups. */
function expandGroup(state: OktaState, group: OktaGroup, expand: string | undefined): OktaGroup | (OktaGroup & { _embedded: unknown }) {
	if (!expand?.split(',').some((e) => e.trim() === 'stats')) return group;
	const usersCount = (state.memberships[group.id] ?? []).length;
	return { ...group, _embedded: { stats: { usersCount, appsCount: 0, groupPushMappingsCount: 0, hasAdminPrivilege: group.profile.name === 'IT Admins' } } };
}

/** Okta group membership calls take user IDs only (logins are not resolved on these paths). */
function userById(state: OktaState, id: string): OktaUser | undefined {
	return state.users.find((u) => u.id === id);
}

function groupTarget(group: OktaGroup, user: OktaUser) {
	return [
		{ id: user.id, type: 'User', alternateId: user.profile.login, displayName: `${user.profile.firstName} ${user.profile.lastName}` },
		{ id: group.id, type: 'UserGroup', alternateId: 'unknown', displayName: group.profile.name },
	];
}

/** The group and user of a membership route, or Okta's answer when either is missing or the group is not Okta-managed. */
function membership(state: OktaState, req: SandboxRequest): { group: OktaGroup; user: OktaUser } | SandboxResponse {
	const group = findGroup(state, req.params.groupId);
	if (!group) return notFound(req.params.groupId, 'UserGroup');
	const user = userById(state, req.params.userId);
	if (!user) return notFound(req.params.userId, 'User');
	if (group.type !== 'OKTA_GROUP') return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action');
	return { group, user };
}

export const groupRoutes: Route<OktaState>[] = [
	{
		method: 'GET',
		path: '/api/v1/groups',
		bucket: '/api/v1/groups',
		query: listGroupsQuery,
		handle(state, req) {
			const query = listGroupsQuery.parse(Object.fromEntries(req.query));
			const expand = (list: OktaGroup[]) => list.map((g) => expandGroup(state, g, query.expand));
			let groups = state.groups;
			if (query.q !== undefined) {
				const q = query.q.toLowerCase();
				groups = groups.filter((g) => g.profile.name.toLowerCase().startsWith(q)).slice(0, clampLimit(query.limit, { fallback: 300, max: 10000 }));
				return { status: 200, headers: { Link: linkHeaders(req) }, body: expand(groups) };
			}
			const expression = query.search ?? query.filter;
			if (expression !== undefined) {
				const tree = tryParseScim(expression);
				if (tree instanceof ScimError) return oktaError(400, 'E0000031', 'Invalid search criteria.', [tree.message]);
				groups = groups.filter((g) => matches(tree, g));
			}
			const { page, nextAfter } = pageAfter(groups, query.after ?? null, clampLimit(query.limit, { fallback: 10000, max: 10000 }));
			return { status: 200, headers: { Link: linkHeaders(req, nextAfter) }, body: expand(page) };
		},
	},
	{
		method: 'GET',
		path: '/api/v1/groups/:groupId',
		bucket: '/api/v1/groups/:id',
		handle(state, req) {
			const group = findGroup(state, req.params.groupId);
			return group ? { status: 200, body: group } : notFound(req.params.groupId, 'UserGroup');
		},
	},
	{
		method: 'GET',
		path: '/api/v1/groups/:groupId/users',
		bucket: '/api/v1/groups/:id',
		query: pageQuery,
		handle(state, req) {
			const group = findGroup(state, req.params.groupId);
			if (!group) return notFound(req.params.groupId, 'UserGroup');
			const query = pageQuery.parse(Object.fromEntries(req.query));
			const members = (state.memberships[group.id] ?? []).map((id) => userById(state, id)).filter((u): u is OktaUser => !!u);
			const { page, nextAfter } = pageAfter(members, query.after ?? null, clampLimit(query.limit, { fallback: 1000, max: 1000 }));
			return { status: 200, headers: { Link: linkHeaders(req, nextAfter) }, body: page };
		},
	},
	{
		method: 'PUT',
		path: '/api/v1/groups/:groupId/users/:userId',
		bucket: '/api/v1/groups/:id',
		handle(state, req) {
			const target = membership(state, req);
			if ('status' in target) return target;
			const { group, user } = target;
			const members = (state.memberships[group.id] ??= []);
			if (!members.includes(user.id)) {
				members.push(user.id);
				group.lastMembershipUpdated = state.clock.iso();
				logAction(state.logs, 'group.user_membership.add', 'Add user to group membership', groupTarget(group, user));
			}
			return { status: 204 };
		},
	},
	{
		method: 'DELETE',
		path: '/api/v1/groups/:groupId/users/:userId',
		bucket: '/api/v1/groups/:id',
		handle(state, req) {
			const target = membership(state, req);
			if ('status' in target) return target;
			const { group, user } = target;
			const members = state.memberships[group.id] ?? [];
			const at = members.indexOf(user.id);
			if (at >= 0) {
				members.splice(at, 1);
				group.lastMembershipUpdated = state.clock.iso();
				logAction(state.logs, 'group.user_membership.remove', 'Remove user from group membership', groupTarget(group, user));
			}
			return { status: 204 };
		},
	},
	{
		method: 'GET',
		path: '/api/v1/users/:userId/groups',
		bucket: '/api/v1/users/:id',
		handle(state, req) {
			const user = findUser(state, req.params.userId);
			if (!user) return notFound(req.params.userId, 'User');
			const groups = state.groups.filter((g) => (state.memberships[g.id] ?? []).includes(user.id));
			return { status: 200, headers: { Link: linkHeaders(req) }, body: groups };
		},
	},
];
