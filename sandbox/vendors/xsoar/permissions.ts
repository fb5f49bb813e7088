import type { SandboxRequest, SandboxResponse } from '../../framework/types';
import { V8_PUBLIC, V8_WEB } from './auth';
import { xsoarError } from './errors';
import type { XsoarState } from './state';

/** The permissions of the caller's roles (the key's user: API keys inherit the creating user's roles). */
export function permissionsOf(state: XsoarState, userId: string | undefined): Set<string> {
	const user = state.users.find((u) => u.id === userId);
	const names = new Set(Object.values(user?.roles ?? {}).flat());
	return new Set(state.roles.filter((r) => names.has(r.name)).flatMap((r) => r.permissions));
}

export function requirePermission(state: XsoarState, req: SandboxRequest, permission: string): SandboxResponse | undefined {
	if (permissionsOf(state, req.principal).has(permission)) return undefined;
	return xsoarError(403, 'Insufficient permissions', `User ${req.principal ?? ''} lacks the ${permission} permission`);
}

type Surface = 'v6' | 'web' | 'public';
const PREFIX: Record<Surface, string> = { v6: '', web: V8_WEB, public: V8_PUBLIC };

/** One route on each surface that serves it: XSOAR 6 at the root, XSOAR 8 under `/xsoar` and `/xsoar/public/v1`. */
export function onSurfaces<R extends { path: string }>(route: R, surfaces: Surface[] = ['v6', 'web']): R[] {
	return surfaces.map((surface) => ({ ...route, path: `${PREFIX[surface]}${route.path}` }));
}
