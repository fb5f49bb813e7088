import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment, printable } from '../../shared/validation';
import { oktaApiRequest } from '../transport';
import { scimString } from './filter';

const GROUP_ID = /^[0-9A-Za-z]{20}$/;

/** Reads the Group resource locator; a name is resolved to the group's ID (exactly one group must carry it). */
export async function groupPathSegment(this: IExecuteFunctions, itemIndex: number, parameter = 'group'): Promise<string> {
	const locator = this.getNodeParameter(parameter, itemIndex) as { mode: string; value: unknown };
	const value = typeof locator?.value === 'string' ? locator.value.trim() : locator?.value;
	if (locator.mode === 'name') {
		const name = scimString(this.getNode(), value, 'Group Name', itemIndex);
		const { body } = await oktaApiRequest.call(this, {
			method: 'GET',
			path: '/api/v1/groups',
			qs: { search: `profile.name eq ${name}`, limit: 2 },
			itemIndex,
		});
		const groups = body as unknown as IDataObject[];
		if (!Array.isArray(groups) || groups.length !== 1) {
			const found = Array.isArray(groups) ? groups.length : 0;
			throw new NodeOperationError(this.getNode(), `Group Name "${printable(String(value))}" matches ${found === 0 ? 'no group' : 'more than one group'}`, {
				itemIndex,
				description: found === 0 ? 'Check the spelling (the match is exact), or pick the group From List.' : 'Pick the group By ID or From List instead.',
			});
		}
		return encodeURIComponent(String(groups[0].id));
	}
	const segment = pathSegment(this.getNode(), value, 'Group', itemIndex, '00g1abcdEFGHijklm697');
	if (!GROUP_ID.test(String(value))) {
		throw new NodeOperationError(this.getNode(), `Group ID "${printable(String(value))}" is not an Okta group ID`, {
			itemIndex,
			description: 'An Okta group ID has 20 letters and digits, e.g. 00g1abcdEFGHijklm697. To use the group name, switch the Group field to "By Name".',
		});
	}
	return segment;
}

export function simplifyGroup(group: IDataObject): IDataObject {
	const profile = (group.profile as IDataObject) ?? {};
	return {
		id: group.id,
		name: profile.name,
		description: profile.description,
		type: group.type,
		created: group.created,
		lastMembershipUpdated: group.lastMembershipUpdated,
	};
}
