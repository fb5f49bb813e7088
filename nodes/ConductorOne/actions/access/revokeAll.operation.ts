import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { idList, idValue } from '../../helpers/fields';
import type { GrantFilter } from '../../helpers/grants';
import { searchGrants } from '../../helpers/grants';
import { TASK_EXPAND, maybeWait, waitFields } from '../../helpers/task';
import { conductorOneApiRequest, conductorOneDryRun } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true, placeholder: 'e.g. 2JkXq0p7Y1hT3mN9bVc4dE5fG6h', description: 'The ConductorOne user whose access to revoke' },
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Chosen Apps', value: 'apps', description: 'Every entitlement the user holds in the apps listed' },
			{ name: 'Chosen Entitlements', value: 'entitlements', description: 'Only the entitlements listed' },
		],
		default: 'apps',
	},
	{ displayName: 'App IDs', name: 'appIds', type: 'string', default: '', placeholder: 'e.g. 2JkXq0p7…, 2LmYr1q8…', description: 'Comma-separated app IDs', displayOptions: { show: { scope: ['apps', 'entitlements'] } } },
	{ displayName: 'Entitlement IDs', name: 'entitlementIds', type: 'string', default: '', placeholder: 'e.g. 2NpZs2r9…', description: 'Comma-separated entitlement IDs in the app above (one app)', displayOptions: { show: { scope: ['entitlements'] } } },
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', placeholder: 'e.g. INC-1234 compromised account', description: 'Put on every revoke task, for approvers and the audit trail' },
	...waitFields,
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['access'], operation: ['revokeAll'] } }, properties);

function scopeFilter(this: IExecuteFunctions, itemIndex: number, userId: string): GrantFilter {
	const apps = idList.call(this, itemIndex, 'appIds', 'App IDs');
	if (this.getNodeParameter('scope', itemIndex, 'apps') === 'apps') return { userId, appIds: apps };
	if (apps.length !== 1) {
		throw new NodeOperationError(this.getNode(), `Chosen Entitlements takes one app ID, not ${apps.length}`, {
			itemIndex,
			description: 'Enter the one app the entitlements belong to in App IDs, or run the operation once per app.',
		});
	}
	const entitlements = idList.call(this, itemIndex, 'entitlementIds', 'Entitlement IDs');
	return { userId, entitlementRefs: entitlements.map((id) => ({ appId: apps[0], id })) };
}

/**
 * Revoke All Access: finds every grant of the user in the chosen apps or entitlements (Grant Search) and opens one
 * revoke task per grant, one output item each, so the reverse (a grant task per entitlement) can be built from them.
 * Dry Run lists the grants and the requests it would send.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = idValue.call(this, itemIndex, 'userId', 'User ID');
	const filter = scopeFilter.call(this, itemIndex, userId);
	const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
	const grants = await searchGrants.call(this, itemIndex, filter);
	if (grants.length === 0) return [{ outcome: 'nothingToRevoke', userId, ...filter }];
	const results: IDataObject[] = [];
	for (const grant of grants) {
		const body = { appId: grant.appId, appEntitlementId: grant.appEntitlementId, appUserId: grant.appUserId, ...(reason ? { description: reason } : {}), expandMask: TASK_EXPAND };
		const call = { method: 'POST', path: '/api/v1/task/revoke', body: body as IDataObject, itemIndex } as const;
		const about = { userId, appId: grant.appId, appName: grant.appName, appEntitlementId: grant.appEntitlementId, entitlementName: grant.entitlementName, appUserId: grant.appUserId };
		if (this.getNodeParameter('dryRun', itemIndex, false)) {
			results.push({ outcome: 'wouldRevoke', ...about, request: await conductorOneDryRun.call(this, call) });
			continue;
		}
		try {
			const { body: created } = await conductorOneApiRequest.call(this, call);
			results.push(await maybeWait.call(this, itemIndex, created, { userId, appName: grant.appName, entitlementName: grant.entitlementName }));
		} catch (error) {
			// One refused revoke (a grant that went away meanwhile, a policy error) is reported on its item; the others go on.
			const apiError = new NodeApiError(this.getNode(), error as JsonObject);
			results.push({ outcome: 'error', ...about, error: apiError.message, details: apiError.description ?? undefined });
		}
	}
	return results;
}
