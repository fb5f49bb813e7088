import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { runContainment } from '../../shared/containment';
import type { Confirmation } from '../../shared/types';
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
	 * How a call whose answer was lost (timeout, dropped connection, 5xx) may be repeated:
	 * - `{ statuses }`: read the user; if its status is one of these, the action landed and is not sent again;
	 * - `'safe'`: sending it again cannot do harm (it only re-issues what the first call issued);
	 * - omitted: DELETE calls are repeated as idempotent, anything else is not repeated.
	 */
	repeat?: { statuses: string[] } | 'safe';
	/**
	 * When Okta refuses with one of `codes` (E0000038 "not allowed in the user's current status", E0000016 "already
	 * active"), the user is read again: if its status is one of `statuses`, the goal already holds and the item gets
	 * `outcome` instead of failing the run. Any other status is a real refusal: the error stands and names the status.
	 */
	already?: { codes: string[]; statuses: string[]; outcome: string };
}

async function readUser(this: IExecuteFunctions, user: string, itemIndex: number): Promise<IDataObject> {
	return (await oktaApiRequest.call(this, { method: 'GET', path: `/api/v1/users/${user}`, itemIndex })).body;
}

/** Runs one user action (lifecycle call, session or factor reset) with Dry Run, safe repeats and "already" outcomes. */
export async function runUserAction(this: IExecuteFunctions, itemIndex: number, action: LifecycleAction): Promise<IDataObject> {
	const user = userPathSegment.call(this, itemIndex);
	const call = { method: action.method ?? 'POST', path: `/api/v1/users/${user}/${action.path}`, qs: action.qs, itemIndex } as const;
	const subject = decodeURIComponent(user);
	const repeat = action.repeat;
	const confirm =
		repeat && repeat !== 'safe'
			? async (): Promise<Confirmation> => {
					const current = await readUser.call(this, user, itemIndex);
					return repeat.statuses.includes(String(current.status)) ? { landed: true, body: current } : { landed: false };
				}
			: undefined;
	const already = action.already;
	return await runContainment.call(this, itemIndex, {
		preview: async () => await oktaDryRun.call(this, call),
		act: async () => {
			const response = await oktaApiRequest.call(this, { ...call, idempotent: repeat === 'safe' ? true : undefined, confirm });
			const body = response.body && typeof response.body === 'object' && !Array.isArray(response.body) ? response.body : {};
			if (response.confirmed) return { outcome: action.outcome, user: subject, userId: body.id, status: body.status };
			// Lifecycle calls answer `{}`: the status the action leaves the user in tells the analyst where they stand.
			const status = repeat && repeat !== 'safe' && repeat.statuses.length === 1 ? { status: repeat.statuses[0] } : {};
			return { outcome: action.outcome, user: subject, ...status, ...body };
		},
		whenRefused: already
			? async (error) => {
					if (!already.codes.includes(oktaErrorCode(error) ?? '')) return undefined;
					const current = await readUser.call(this, user, itemIndex);
					if (already.statuses.includes(String(current.status))) {
						return { outcome: already.outcome, user: subject, userId: current.id, status: current.status };
					}
					error.message = `${error.message.replace(/\.$/, '')} (the user's status is ${String(current.status)})`;
					return undefined;
				}
			: undefined,
	});
}
