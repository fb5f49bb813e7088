import { z } from 'zod';

import type { Route } from '../../framework/types';
import { c1Error, notFound } from './errors';
import { listQuery, page, pageFields, queryPage } from './paging';
import type { C1AppUser, C1Binding, ConductorOneState } from './state';

const expandMask = z.object({ paths: z.array(z.string()).optional() }).strict().optional();
const ids = z.array(z.string()).optional();

const searchUsers = z
	.object({ email: z.string().optional(), query: z.string().optional(), ids, refs: z.array(z.object({ id: z.string() }).strict()).optional(), excludeIds: ids, userStatuses: ids, expandMask, ...pageFields })
	.strict();
const searchEntitlements = z.object({ appIds: ids, appUserIds: ids, query: z.string().optional(), displayName: z.string().optional(), alias: z.string().optional(), refs: z.array(z.object({ appId: z.string(), id: z.string() }).strict()).optional(), expandMask, ...pageFields }).strict();
const searchAppUsers = z.object({ appId: z.string().optional(), userIds: ids, appUserIds: ids, query: z.string().optional(), expandMask, ...pageFields }).strict();
const searchGrants = z
	.object({ userId: z.string().optional(), appIds: ids, appUserIds: ids, entitlementRefs: z.array(z.object({ appId: z.string(), id: z.string() }).strict()).optional(), resourceIds: ids, expandMask, ...pageFields })
	.strict();

const contains = (value: string, query: string) => value.toLowerCase().includes(query.toLowerCase());

/** `expanded[]` entries with their `@type`, and the JSONPath pointer a view keeps to each. */
export function expander() {
	const expanded: Array<Record<string, unknown>> = [];
	return {
		expanded,
		add(type: string, value: object | undefined): string | undefined {
			if (!value) return undefined;
			expanded.push({ '@type': `type.googleapis.com/${type}`, ...value });
			return `$.expanded[${expanded.length - 1}]`;
		},
	};
}

function appUsersOf(state: ConductorOneState, userId: string): C1AppUser[] {
	return state.appUsers.filter((u) => u.identityUserId === userId);
}

export function grantsFor(state: ConductorOneState, filter: z.infer<typeof searchGrants>): C1Binding[] {
	const accounts = filter.userId ? new Set(appUsersOf(state, filter.userId).map((u) => u.id)) : undefined;
	return state.bindings.filter(
		(b) =>
			(!accounts || accounts.has(b.appUserId)) &&
			(!filter.appIds?.length || filter.appIds.includes(b.appId)) &&
			(!filter.appUserIds?.length || filter.appUserIds.includes(b.appUserId)) &&
			(!filter.entitlementRefs?.length || filter.entitlementRefs.some((r) => r.appId === b.appId && r.id === b.appEntitlementId)),
	);
}

const wantsExpand = (mask: { paths?: string[] } | undefined, path: string) => Boolean(mask?.paths?.some((p) => p === '*' || p === path));

export const directoryRoutes: Route<ConductorOneState>[] = [
	{ method: 'GET', path: '/api/v1/users', query: listQuery, handle: (state, req) => queryPage(state.users.map((user) => ({ user })), req.query) },
	{
		method: 'GET',
		path: '/api/v1/users/:id',
		handle(state, req) {
			const user = state.users.find((u) => u.id === req.params.id);
			if (!user) return notFound('user', req.params.id);
			const out = expander();
			const managersPath = out.add('c1.api.user.v1.User', state.users.find((u) => u.id === user.managerIds[0]));
			return { status: 200, body: { userView: { user, ...(managersPath ? { managersPath } : {}) }, expanded: out.expanded } };
		},
	},
	{
		method: 'POST',
		path: '/api/v1/search/users',
		body: searchUsers,
		handle(state, req) {
			const q = req.body as z.infer<typeof searchUsers>;
			const found = state.users.filter(
				(u) =>
					(q.email === undefined || u.emails.some((e) => e.toLowerCase() === q.email!.toLowerCase())) &&
					(!q.query || contains(u.displayName, q.query) || contains(u.email, q.query) || contains(u.username, q.query)) &&
					(!q.ids?.length || q.ids.includes(u.id)) &&
					(!q.refs?.length || q.refs.some((r) => r.id === u.id)) &&
					(!q.excludeIds?.length || !q.excludeIds.includes(u.id)) &&
					(!q.userStatuses?.length || q.userStatuses.includes(u.status)),
			);
			return page(found.map((user) => ({ user })), q.pageSize, q.pageToken, { expanded: [] });
		},
	},
	{ method: 'GET', path: '/api/v1/apps', query: listQuery, handle: (state, req) => queryPage(state.apps, req.query) },
	{
		method: 'GET',
		path: '/api/v1/apps/:id',
		handle(state, req) {
			const app = state.apps.find((a) => a.id === req.params.id);
			return app ? { status: 200, body: { app } } : notFound('app', req.params.id);
		},
	},
	{
		method: 'GET',
		path: '/api/v1/apps/:appId/entitlements',
		query: listQuery,
		handle(state, req) {
			if (!state.apps.some((a) => a.id === req.params.appId)) return notFound('app', req.params.appId);
			return queryPage(state.entitlements.filter((e) => e.appId === req.params.appId).map((appEntitlement) => ({ appEntitlement })), req.query);
		},
	},
	{
		method: 'POST',
		path: '/api/v1/search/entitlements',
		body: searchEntitlements,
		handle(state, req) {
			const q = req.body as z.infer<typeof searchEntitlements>;
			const held = q.appUserIds?.length ? new Set(state.bindings.filter((b) => q.appUserIds!.includes(b.appUserId)).map((b) => b.appEntitlementId)) : undefined;
			const found = state.entitlements.filter(
				(e) =>
					(!q.appIds?.length || q.appIds.includes(e.appId)) &&
					(!held || held.has(e.id)) &&
					(!q.query || contains(e.displayName, q.query) || contains(e.alias, q.query)) &&
					(!q.displayName || e.displayName === q.displayName) &&
					(!q.alias || e.alias === q.alias) &&
					(!q.refs?.length || q.refs.some((r) => r.appId === e.appId && r.id === e.id)),
			);
			const out = expander();
			const list = found.map((appEntitlement) => ({
				appEntitlement,
				...(wantsExpand(q.expandMask, 'app_id') ? { appPath: out.add('c1.api.app.v1.App', state.apps.find((a) => a.id === appEntitlement.appId)) } : {}),
			}));
			return page(list, q.pageSize, q.pageToken, { expanded: out.expanded });
		},
	},
	{
		method: 'POST',
		path: '/api/v1/search/app_users',
		body: searchAppUsers,
		handle(state, req) {
			const q = req.body as z.infer<typeof searchAppUsers>;
			const found = state.appUsers.filter(
				(u) =>
					(!q.appId || u.appId === q.appId) &&
					(!q.userIds?.length || q.userIds.includes(u.identityUserId)) &&
					(!q.appUserIds?.length || q.appUserIds.includes(u.id)) &&
					(!q.query || contains(u.displayName, q.query) || contains(u.email, q.query) || contains(u.username, q.query)),
			);
			return page(found.map((appUser) => ({ appUser })), q.pageSize, q.pageToken, { expanded: [] });
		},
	},
	{
		method: 'POST',
		path: '/api/v1/search/grants',
		body: searchGrants,
		handle(state, req) {
			const q = req.body as z.infer<typeof searchGrants>;
			if (q.userId !== undefined && !state.users.some((u) => u.id === q.userId)) return notFound('user', q.userId);
			if (!q.userId && !q.appIds?.length && !q.appUserIds?.length && !q.entitlementRefs?.length && !q.resourceIds?.length) {
				return c1Error('INVALID_ARGUMENT', 'invalid SearchGrantsRequest: at least one of userId, appIds, appUserIds, entitlementRefs or resourceIds is required');
			}
			const out = expander();
			const list = grantsFor(state, q).map((binding) => {
				const entitlement = state.entitlements.find((e) => e.id === binding.appEntitlementId)!;
				const appPath = wantsExpand(q.expandMask, 'app_id') ? out.add('c1.api.app.v1.App', state.apps.find((a) => a.id === binding.appId)) : undefined;
				const appUserPath = wantsExpand(q.expandMask, 'app_user_id') ? out.add('c1.api.app.v1.AppUser', state.appUsers.find((u) => u.id === binding.appUserId)) : undefined;
				return { entitlement, appEntitlementUserBinding: binding, ...(appPath ? { appPath } : {}), ...(appUserPath ? { appUserPath } : {}) };
			});
			return page(list, q.pageSize, q.pageToken, { expanded: out.expanded });
		},
	},
];
