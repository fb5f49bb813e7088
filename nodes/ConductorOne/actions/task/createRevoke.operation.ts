import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runContainment } from '../../../shared/containment';
import { dryRun } from '../../../shared/descriptions';
import { accessBody, accessFields } from '../../descriptions/task.description';
import { searchGrants } from '../../helpers/grants';
import { TASK_EXPAND, maybeWait, waitFields } from '../../helpers/task';
import { conductorOneApiRequest, conductorOneDryRun } from '../../transport';

const properties: INodeProperties[] = [...accessFields, ...waitFields, dryRun({})];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['createRevoke'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = accessBody.call(this, itemIndex);
	const call = { method: 'POST', path: '/api/v1/task/revoke', body: { ...body, expandMask: TASK_EXPAND }, itemIndex } as const;
	return await runContainment.call(this, itemIndex, {
		preview: async () => await conductorOneDryRun.call(this, call),
		act: async () => await maybeWait.call(this, itemIndex, (await conductorOneApiRequest.call(this, call)).body),
		// ConductorOne refuses a revoke of access the account no longer holds: if no grant is left, the goal holds.
		whenRefused: async (error) => {
			if (error.httpCode !== '400') return undefined;
			const ref = { appId: String(body.appId), id: String(body.appEntitlementId) };
			const filter = body.identityUserId ? { userId: String(body.identityUserId), entitlementRefs: [ref] } : { entitlementRefs: [ref] };
			const left = (await searchGrants.call(this, itemIndex, filter)).filter((g) => !body.appUserId || g.appUserId === body.appUserId);
			return left.length === 0 ? { outcome: 'alreadyRevoked', ...body } : undefined;
		},
	});
}
