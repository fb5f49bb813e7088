import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { conductorOneAllItems } from '../transport';

export interface GrantFilter {
	userId?: string;
	appIds?: string[];
	entitlementRefs?: Array<{ appId: string; id: string }>;
}

/** One grant as a flat item: which account holds which entitlement of which app, since when and until when. */
export function grantItem(view: IDataObject): IDataObject {
	const binding = (view.appEntitlementUserBinding ?? {}) as IDataObject;
	const entitlement = (view.entitlement ?? {}) as IDataObject;
	const app = view.app as IDataObject | undefined;
	const appUser = view.appUser as IDataObject | undefined;
	return {
		appId: binding.appId,
		appName: app?.displayName,
		appEntitlementId: binding.appEntitlementId,
		entitlementName: entitlement.displayName,
		appUserId: binding.appUserId,
		identityUserId: appUser?.identityUserId,
		accountName: appUser?.username ?? appUser?.email,
		createdAt: binding.createdAt,
		deprovisionAt: binding.deprovisionAt,
		entitlement,
		...(app ? { app } : {}),
		...(appUser ? { appUser } : {}),
	};
}

/** `POST /api/v1/search/grants`: what an identity, an app or an entitlement reaches (the blast radius). */
export async function searchGrants(this: IExecuteFunctions, itemIndex: number, filter: GrantFilter, limit?: number): Promise<IDataObject[]> {
	const body: IDataObject = { ...filter, expandMask: { paths: ['app_id', 'app_user_id'] } } as IDataObject;
	const views = await conductorOneAllItems.call(this, { method: 'POST', path: '/api/v1/search/grants', body, itemIndex }, limit);
	return views.map(grantItem);
}
