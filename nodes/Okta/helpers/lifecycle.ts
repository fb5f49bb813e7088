import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oktaApiRequest, oktaDryRun, oktaErrorCode } from '../transport';
import { userPathSegment } from './user';

export interface LifecycleAction {
	/** The path below `/api/v1/users/{id}`, e.g. `lifecycle/suspend`. */
	path: string;
	method?: 'POST' | 'DELETE';
	qs?: IDataObject;
	/** The outcome reported when Okta carried the action out, e.g. `suspended`. */
	outcome: string;
	/**
	 * When Okta refuses with one of `codes` (E0000038 "not allowed in the user's current status", E0000016 "already
	 * active"), the user is read again: if its status is one of `statuses`, the goal already holds and the item gets
	 * `outcome` instead of failing the run. Any other status is a real refusal and the error stands.
	 */
	already?: { codes: string[]; statuses: string[]; outcome: string };
}

/** Runs one user action (lifecycle call, session or factor reset) with Dry Run and "already done" handling. */
export async function runUserAction(this: IExecuteFunctions, itemIndex: number, action: LifecycleAction): Promise<IDataObject> {
	const user = userPathSegment.call(this, itemIndex);
	const call = { method: action.method ?? 'POST', path: `/api/v1/users/${user}/${action.path}`, qs: action.qs, itemIndex } as const;
	if (this.getNodeParameter('dryRun', itemIndex, false)) return await oktaDryRun.call(this, call);
	const subject = decodeURIComponent(user);
	try {
		const { body } = await oktaApiRequest.call(this, call);
		return { outcome: action.outcome, user: subject, ...(body && typeof body === 'object' && !Array.isArray(body) ? body : {}) };
	} catch (error) {
		const already = action.already;
		// Errors from our transport are NodeApiErrors already; re-wrapping hands back the same error.
		const apiError = new NodeApiError(this.getNode(), error as JsonObject);
		if (!already || !already.codes.includes(oktaErrorCode(error) ?? '')) throw apiError;
		const { body: current } = await oktaApiRequest.call(this, { method: 'GET', path: `/api/v1/users/${user}`, itemIndex });
		if (!already.statuses.includes(String(current.status))) throw apiError;
		return { outcome: already.outcome, user: subject, userId: current.id, status: current.status };
	}
}
