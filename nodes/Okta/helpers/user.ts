import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment, printable } from '../../shared/validation';
import { oktaApiRequest } from '../transport';

const USER_ID = /^[0-9A-Za-z]{20}$/;
// Okta logins are email-shaped by default but may be any string without whitespace or control characters.
const LOGIN = /^[^\s\p{Cc}]{1,100}$/u;

/** Reads the User resource locator and returns the path segment Okta accepts (an ID or a login). */
export function userPathSegment(this: IExecuteFunctions, itemIndex: number, parameter = 'user'): string {
	const locator = this.getNodeParameter(parameter, itemIndex) as { mode: string; value: unknown };
	const value = typeof locator?.value === 'string' ? locator.value.trim() : locator?.value;
	const segment = pathSegment(this.getNode(), value, 'User', itemIndex, '00u1abcdEFGHijklm697 or alice@acme.com');
	const text = String(value);
	if ((locator.mode === 'id' || locator.mode === 'list') && !USER_ID.test(text)) {
		throw new NodeOperationError(this.getNode(), `User ID "${printable(text)}" is not an Okta user ID`, {
			itemIndex,
			description: 'An Okta user ID has 20 letters and digits, e.g. 00u1abcdEFGHijklm697. To look a user up by login, switch the User field to "By Login".',
		});
	}
	if (locator.mode === 'login' && !LOGIN.test(text)) {
		throw new NodeOperationError(this.getNode(), `Login "${printable(text)}" is not a valid Okta login`, {
			itemIndex,
			description: 'A login has no spaces or line breaks, e.g. alice@acme.com.',
		});
	}
	return segment;
}

/** The fields a SOC analyst needs from an Okta user, flattened. */
export function simplifyUser(user: IDataObject): IDataObject {
	const profile = (user.profile as IDataObject) ?? {};
	return {
		id: user.id,
		status: user.status,
		login: profile.login,
		email: profile.email,
		firstName: profile.firstName,
		lastName: profile.lastName,
		department: profile.department,
		lastLogin: user.lastLogin,
		statusChanged: user.statusChanged,
		created: user.created,
	};
}

/**
 * The user's Okta ID: given as is in ID mode, looked up in login mode. Group membership paths take IDs only.
 */
export async function resolveUserId(this: IExecuteFunctions, itemIndex: number, parameter = 'user'): Promise<string> {
	const segment = userPathSegment.call(this, itemIndex, parameter);
	const locator = this.getNodeParameter(parameter, itemIndex) as { mode: string };
	if (locator.mode !== 'login') return segment;
	const { body } = await oktaApiRequest.call(this, { method: 'GET', path: `/api/v1/users/${segment}`, itemIndex });
	return encodeURIComponent(String(body.id));
}
