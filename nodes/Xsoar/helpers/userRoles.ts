import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runContainment } from '../../shared/containment';
import { requireText } from '../../shared/validation';
import { xsoarApiRequest, xsoarDryRun } from '../transport';
import { allRoles, currentUser, findUser, roleNames } from './directory';

/**
 * Add Role / Remove Role as read-modify-write: `POST /users/update` replaces a user's whole role list, so the user's
 * other roles are read first and sent back. The API key's own user is never changed (a key that removes its own
 * admin role locks the integration out), and a user's last role is not removed (XSOAR users need one to sign in).
 */
export async function changeUserRole(this: IExecuteFunctions, itemIndex: number, change: 'add' | 'remove'): Promise<IDataObject> {
	const node = this.getNode();
	const who = requireText(node, this.getNodeParameter('user', itemIndex, ''), 'User', itemIndex, 'Give the user\'s ID or user name.');
	const role = requireText(node, this.getNodeParameter('role', itemIndex, ''), 'Role', itemIndex, 'Give the role\'s name, e.g. Analyst.');
	const self = await currentUser.call(this, itemIndex);
	const user = await findUser.call(this, who, itemIndex);
	if (user.id === self.id) {
		throw new NodeOperationError(node, `User "${who}" is the API key's own user; its roles are not changed`, {
			itemIndex,
			description: 'Change this user\'s roles in XSOAR itself, or use a key created by another administrator.',
		});
	}
	const roles = await allRoles.call(this, itemIndex);
	if (!roles.some((r) => r.name === role)) {
		throw new NodeOperationError(node, `Cortex XSOAR has no role "${role}"`, {
			itemIndex,
			description: `Use one of: ${roles.map((r) => String(r.name)).join(', ')}.`,
		});
	}
	const previousRoles = roleNames(user);
	const has = previousRoles.includes(role);
	const summary = { user: user.username ?? user.id, id: user.id, role, previousRoles };
	if (change === 'add' && has) return { outcome: 'alreadyHadRole', ...summary, roles: previousRoles };
	if (change === 'remove' && !has) return { outcome: 'alreadyWithoutRole', ...summary, roles: previousRoles };
	const next = change === 'add' ? [...previousRoles, role] : previousRoles.filter((r) => r !== role);
	if (next.length === 0) {
		throw new NodeOperationError(node, `"${role}" is the last role of user "${who}"`, {
			itemIndex,
			description: 'Add another role first, or disable the user in XSOAR instead.',
		});
	}
	const call = { method: 'POST' as const, path: '/users/update', body: { id: String(user.id), roles: { roles: next } }, itemIndex };
	return await runContainment.call(this, itemIndex, {
		preview: async () => ({ ...(await xsoarDryRun.call(this, call)), ...summary, roles: next }),
		act: async () => {
			// The full list with the same content: sending it again after a lost answer sets the same roles.
			const response = await xsoarApiRequest.call(this, { ...call, idempotent: true });
			return { outcome: change === 'add' ? 'roleAdded' : 'roleRemoved', ...summary, roles: roleNames(response.body) };
		},
	});
}
