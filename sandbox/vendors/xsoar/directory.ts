import { z } from 'zod';

import type { Route } from '../../framework/types';
import { xsoarError } from './errors';
import { onSurfaces, requirePermission } from './permissions';
import type { XsoarRole, XsoarState, XsoarUser } from './state';

/*
 * Users and roles of the instance, as ConductorOne's baton-xsoar reads and writes them: `GET /user` (the key's own
 * user), `GET /users`, `GET /roles`, `POST /users/update` (the role-name list is replaced as a whole). Exported so
 * other sandbox vendors (ConductorOne) can read and change the same directory.
 */

export function listUsers(state: XsoarState): XsoarUser[] {
	return state.users.map((u) => structuredClone(u));
}

export function listRoles(state: XsoarState): XsoarRole[] {
	return state.roles.map((r) => structuredClone(r));
}

export function userRoleNames(user: XsoarUser): string[] {
	return [...new Set(Object.values(user.roles).flat())];
}

/** Replaces the user's role names (default scope); unknown roles are refused. Returns the updated user. */
export function setUserRoles(state: XsoarState, userId: string, roles: string[]): XsoarUser | { error: string } {
	const user = state.users.find((u) => u.id === userId);
	if (!user) return { error: `User ${userId} does not exist` };
	const unknown = roles.filter((name) => !state.roles.some((r) => r.name === name));
	if (unknown.length) return { error: `Role(s) ${unknown.join(', ')} do not exist` };
	user.roles = { roles: [...new Set(roles)] };
	user.version += 1;
	return structuredClone(user);
}

const updateSchema = z
	.object({
		id: z.string().min(1),
		roles: z.object({ roles: z.array(z.string()) }).passthrough(),
	})
	.passthrough();

export const directoryRoutes: Route<XsoarState>[] = [
	...onSurfaces<Route<XsoarState>>({
		method: 'GET',
		path: '/user',
		handle: (state, req) => ({ status: 200, body: structuredClone(state.users.find((u) => u.id === req.principal)) }),
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'GET',
		path: '/users',
		handle: (state, req) => requirePermission(state, req, 'users.read') ?? { status: 200, body: listUsers(state) },
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'GET',
		path: '/roles',
		handle: (state, req) => requirePermission(state, req, 'users.read') ?? { status: 200, body: listRoles(state) },
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/users/update',
		body: updateSchema,
		handle(state, req) {
			const denied = requirePermission(state, req, 'users.write');
			if (denied) return denied;
			const body = req.body as z.infer<typeof updateSchema>;
			const updated = setUserRoles(state, body.id, body.roles.roles);
			if ('error' in updated) return xsoarError(400, updated.error);
			return { status: 200, body: updated };
		},
	}),
];
