import { listRoles, listUsers, setUserRoles, userRoleNames } from '../xsoar';
import type { XsoarState } from '../xsoar/state';
import type { ConductorOneState } from './state';

/*
 * The Cortex XSOAR app, synced by a baton-xsoar-style connector from the XSOAR sandbox the same sandbox hosts: one
 * entitlement per XSOAR role, one app user per XSOAR user (linked to the identity with the same email), one grant per
 * role a user holds. A sync reads what `GET /users` and `GET /roles` return; provisioning writes what
 * `POST /users/update` would. Without a hosted XSOAR there is no such app.
 */

export const XSOAR_APP_ID = 'app-xsoar';
const SHORT = 'xsoar';

const slugOf = (role: string) => `role-${role.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
const entitlementIdOf = (role: string) => `ent-${SHORT}-${slugOf(role)}`;
const appUserIdOf = (xsoarUserId: string) => `au-${SHORT}-${xsoarUserId}`;

function connectedXsoar(state: ConductorOneState): XsoarState | undefined {
	return state.peers?.state<XsoarState>('xsoar');
}

/** Mirrors the XSOAR directory into the XSOAR app (created on the first sync); false when XSOAR is not hosted. */
export function syncXsoarApp(state: ConductorOneState): boolean {
	const xsoar = connectedXsoar(state);
	if (!xsoar) return false;
	const now = state.clock.iso();
	if (!state.apps.some((a) => a.id === XSOAR_APP_ID)) {
		// Role changes in a SOAR are privileged both ways: granting and revoking wait for the manager.
		state.apps.push({ id: XSOAR_APP_ID, displayName: 'Cortex XSOAR', description: 'Cortex XSOAR users and roles (baton-xsoar)', isDirectory: false, grantPolicyId: 'pol-manager', revokePolicyId: 'pol-manager', appOwners: ['u-bob'], createdAt: now });
		state.connectors.push({ id: `conn-${SHORT}`, appId: XSOAR_APP_ID, displayName: 'Cortex XSOAR connector', catalogId: `baton-${SHORT}`, status: { status: 'SYNC_STATUS_DONE', startedAt: now, completedAt: now, updatedAt: now, lastError: '' } });
	}
	const app = state.apps.find((a) => a.id === XSOAR_APP_ID)!;

	const roles = listRoles(xsoar);
	const entitlements = roles.map((role) => ({
		id: entitlementIdOf(role.name),
		appId: XSOAR_APP_ID,
		displayName: `Role: ${role.name}`,
		alias: `${SHORT}-${slugOf(role.name)}`,
		slug: slugOf(role.name),
		appResourceTypeId: `rt-${SHORT}-role`,
		appResourceId: `res-${SHORT}-${role.id}`,
		grantPolicyId: app.grantPolicyId,
		revokePolicyId: app.revokePolicyId,
		emergencyGrantEnabled: false,
	}));
	const users = listUsers(xsoar);
	const appUsers = users.map((user) => ({
		id: appUserIdOf(user.id),
		appId: XSOAR_APP_ID,
		identityUserId: state.users.find((u) => u.emails.some((e) => e.toLowerCase() === user.email.toLowerCase()))?.id ?? '',
		displayName: user.name,
		email: user.email,
		username: user.username,
		appUserType: 'APP_USER_TYPE_USER' as const,
		status: { status: user.disabled ? ('STATUS_DISABLED' as const) : ('STATUS_ENABLED' as const) },
	}));
	const previous = state.bindings.filter((b) => b.appId === XSOAR_APP_ID);
	const bindings = users.flatMap((user) =>
		userRoleNames(user).map((role) => {
			const binding = { appId: XSOAR_APP_ID, appEntitlementId: entitlementIdOf(role), appUserId: appUserIdOf(user.id) };
			const kept = previous.find((b) => b.appEntitlementId === binding.appEntitlementId && b.appUserId === binding.appUserId);
			return kept ?? { ...binding, createdAt: now, grantSources: [] };
		}),
	);

	state.entitlements = [...state.entitlements.filter((e) => e.appId !== XSOAR_APP_ID), ...entitlements];
	state.appUsers = [...state.appUsers.filter((u) => u.appId !== XSOAR_APP_ID), ...appUsers];
	state.bindings = [...state.bindings.filter((b) => b.appId !== XSOAR_APP_ID), ...bindings];
	return true;
}

/**
 * Carries a grant or revoke of an XSOAR role out in XSOAR (the user's role list is replaced as a whole, as
 * `POST /users/update` does). Returns an error message when XSOAR refuses or the user or role is gone from it.
 */
export function provisionXsoarRole(state: ConductorOneState, kind: 'grant' | 'revoke', appEntitlementId: string, appUserId: string): string | undefined {
	const xsoar = connectedXsoar(state);
	if (!xsoar) return 'the Cortex XSOAR connector cannot reach XSOAR';
	const user = listUsers(xsoar).find((u) => appUserIdOf(u.id) === appUserId);
	const role = listRoles(xsoar).find((r) => entitlementIdOf(r.name) === appEntitlementId);
	if (!user || !role) return `the XSOAR ${user ? 'role' : 'user'} of ${user ? appEntitlementId : appUserId} no longer exists in XSOAR`;
	const held = userRoleNames(user);
	const roles = kind === 'grant' ? [...held, role.name] : held.filter((name) => name !== role.name);
	const updated = setUserRoles(xsoar, user.id, roles);
	return 'error' in updated ? updated.error : undefined;
}

/** Offboarding in XSOAR: every role of the subject's XSOAR accounts is removed. */
export function offboardXsoar(state: ConductorOneState, appUserIds: Set<string>): void {
	const xsoar = connectedXsoar(state);
	if (!xsoar) return;
	for (const user of listUsers(xsoar)) if (appUserIds.has(appUserIdOf(user.id))) setUserRoles(xsoar, user.id, []);
}
