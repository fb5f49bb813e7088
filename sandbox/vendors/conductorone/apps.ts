import { z } from 'zod';

import type { ConductorOneState } from './state';

/**
 * `registerApp`: adds a governed app the way a connector sync would (its entitlements, its accounts linked to
 * identity users, who holds what, a connector), so another governed system can be plugged in without changing the
 * ConductorOne model (the Cortex XSOAR app is synced from the hosted XSOAR instead: xsoarConnector.ts).
 */
export const registerAppSchema = z
	.object({
		id: z.string().regex(/^app-[a-z0-9-]+$/),
		displayName: z.string().min(1),
		grantPolicy: z.enum(['auto', 'approval']).default('approval'),
		revokePolicy: z.enum(['auto', 'approval']).default('auto'),
		entitlements: z.array(z.object({ slug: z.string().regex(/^[a-z0-9-]+$/), displayName: z.string().min(1) }).strict()).min(1),
		accounts: z.array(z.object({ userId: z.string(), username: z.string().min(1), entitlements: z.array(z.string()).default([]) }).strict()).default([]),
	})
	.strict();

const POLICY = { auto: 'pol-auto', approval: 'pol-manager' } as const;

export function registerApp(state: ConductorOneState, body: Record<string, unknown>): { app: string; entitlements: string[]; accounts: string[] } {
	const input = registerAppSchema.parse(body);
	if (state.apps.some((a) => a.id === input.id)) throw new Error(`The app ${input.id} exists already`);
	const short = input.id.slice(4);
	const now = state.clock.iso();
	state.apps.push({ id: input.id, displayName: input.displayName, description: '', isDirectory: false, grantPolicyId: POLICY[input.grantPolicy], revokePolicyId: POLICY[input.revokePolicy], appOwners: [], createdAt: now });
	const entitlements = input.entitlements.map((e) => {
		const id = `ent-${short}-${e.slug}`;
		state.entitlements.push({ id, appId: input.id, displayName: e.displayName, alias: `${short}-${e.slug}`, slug: e.slug, appResourceTypeId: `rt-${short}`, appResourceId: `res-${short}-${e.slug}`, grantPolicyId: POLICY[input.grantPolicy], revokePolicyId: POLICY[input.revokePolicy], emergencyGrantEnabled: false });
		return id;
	});
	const accounts = input.accounts.map((account) => {
		const user = state.users.find((u) => u.id === account.userId);
		if (!user) throw new Error(`No user ${account.userId}`);
		const id = `au-${short}-${account.username}`;
		state.appUsers.push({ id, appId: input.id, identityUserId: user.id, displayName: user.displayName, email: user.email, username: account.username, appUserType: 'APP_USER_TYPE_USER', status: { status: 'STATUS_ENABLED' } });
		for (const slug of account.entitlements) {
			const entitlementId = `ent-${short}-${slug}`;
			if (!entitlements.includes(entitlementId)) throw new Error(`No entitlement ${slug} in ${input.id}`);
			state.bindings.push({ appId: input.id, appEntitlementId: entitlementId, appUserId: id, createdAt: now, grantSources: [] });
		}
		return id;
	});
	state.connectors.push({ id: `conn-${short}`, appId: input.id, displayName: `${input.displayName} connector`, catalogId: `baton-${short}`, status: { status: 'SYNC_STATUS_DONE', startedAt: now, completedAt: now, updatedAt: now, lastError: '' } });
	return { app: input.id, entitlements, accounts };
}
