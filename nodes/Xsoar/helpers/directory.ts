import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { xsoarApiRequest } from '../transport';

/** Every role name a user holds, across role scopes (`roles: {"roles": ["Analyst"], …}`). */
export function roleNames(user: IDataObject): string[] {
	const roles = (user.roles ?? {}) as Record<string, unknown>;
	return [...new Set(Object.values(roles).flatMap((names) => (Array.isArray(names) ? names.map(String) : [])))];
}

export async function currentUser(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await xsoarApiRequest.call(this, { method: 'GET', path: '/user', itemIndex })).body;
}

export async function allUsers(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body: unknown = (await xsoarApiRequest.call(this, { method: 'GET', path: '/users', itemIndex })).body;
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

export async function allRoles(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body: unknown = (await xsoarApiRequest.call(this, { method: 'GET', path: '/roles', itemIndex })).body;
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

/** A user by ID or user name (XSOAR has no single-user endpoint in its API: the list is read). */
export async function findUser(this: IExecuteFunctions, who: string, itemIndex: number): Promise<IDataObject> {
	const user = (await allUsers.call(this, itemIndex)).find((u) => u.id === who || u.username === who);
	if (!user) {
		throw new NodeOperationError(this.getNode(), `Cortex XSOAR has no user "${who}"`, {
			itemIndex,
			description: 'Give the user\'s ID or user name as XSOAR shows it under Settings → Users.',
		});
	}
	return user;
}
