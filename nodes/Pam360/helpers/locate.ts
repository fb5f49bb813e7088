import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment } from '../../shared/validation';
import { accountRows, pam360AllItems, pam360ApiRequest, resourceRows } from '../transport';
import { detailText } from './values';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/** An ID: digits only, checked and encoded for the URL path. */
function idSegment(ctx: Context, value: unknown, field: string, itemIndex: number): string {
	const id = pathSegment(ctx.getNode(), value, field, itemIndex, '1');
	if (!/^\d+$/.test(decodeURIComponent(id))) {
		throw new NodeOperationError(ctx.getNode(), `${field} "${decodeURIComponent(id)}" is not a PAM360 ID`, {
			itemIndex,
			description: `PAM360 IDs are numbers, e.g. 1. To give a name, switch ${field} to "By Name".`,
		});
	}
	return id;
}

function locatorOf(ctx: Context, value: unknown, field: string, itemIndex: number): INodeParameterResourceLocator {
	const locator = value as INodeParameterResourceLocator | undefined;
	if (!locator || typeof locator !== 'object' || !('mode' in locator)) {
		throw new NodeOperationError(ctx.getNode(), `${field} is not set`, { itemIndex, description: `Pick ${field} from the list, or give its name or ID.` });
	}
	return locator;
}

function exactlyOne(ctx: Context, matches: IDataObject[], what: string, itemIndex: number): IDataObject {
	if (matches.length === 1) return matches[0];
	throw new NodeOperationError(ctx.getNode(), matches.length ? `${matches.length} ${what}s match` : `No ${what} is visible to this credential`, {
		itemIndex,
		description: matches.length
			? `Names are compared without case; pick the ${what} from the list or give its ID.`
			: `Check the name, and that the ${what} is owned by or shared with the PAM360 user behind the token.`,
	});
}

/** The resource's ID (path-encoded) from the Resource locator: from the list, by ID, or by name (looked up). */
export async function resourceId(ctx: Context, locatorValue: unknown, itemIndex: number): Promise<string> {
	const locator = locatorOf(ctx, locatorValue, 'Resource', itemIndex);
	if (locator.mode !== 'name') return idSegment(ctx, locator.value, 'Resource', itemIndex);
	const name = detailText(ctx.getNode(), locator.value, 'Resource', itemIndex, true) as string;
	const rows = await pam360AllItems.call(
		ctx,
		{ method: 'GET', path: '/resources', details: { SEARCHTYPE: 'RESOURCE', SEARCHCOLUMN: 'RESOURCENAME', SEARCHVALUE: name }, itemIndex },
		resourceRows,
	);
	const match = exactlyOne(ctx, rows.filter((r) => String(r['RESOURCE NAME']).toLowerCase() === name.toLowerCase()), `resource named "${name}"`, itemIndex);
	return idSegment(ctx, match['RESOURCE ID'], 'Resource', itemIndex);
}

/** The account's row in its resource's account list (ID, name, password policy, reason / ticket ID flags). */
export async function accountRow(ctx: Context, resource: string, locatorValue: unknown, itemIndex: number): Promise<IDataObject> {
	const locator = locatorOf(ctx, locatorValue, 'Account', itemIndex);
	const byName = locator.mode === 'name';
	const wanted = byName
		? (detailText(ctx.getNode(), locator.value, 'Account', itemIndex, true) as string).toLowerCase()
		: decodeURIComponent(idSegment(ctx, locator.value, 'Account', itemIndex));
	const operation = await pam360ApiRequest.call(ctx, { method: 'GET', path: `/resources/${resource}/accounts`, itemIndex });
	const matches = accountRows(operation).filter((a) => (byName ? String(a['ACCOUNT NAME']).toLowerCase() === wanted : String(a['ACCOUNT ID']) === wanted));
	return exactlyOne(ctx, matches, byName ? `account named "${String(locator.value)}" in resource ${decodeURIComponent(resource)}` : `account with ID ${wanted} in resource ${decodeURIComponent(resource)}`, itemIndex);
}

/** The account's ID (path-encoded): by ID without a call, otherwise from the account list. */
export async function accountId(ctx: Context, resource: string, locatorValue: unknown, itemIndex: number): Promise<string> {
	const locator = locatorOf(ctx, locatorValue, 'Account', itemIndex);
	if (locator.mode !== 'name') return idSegment(ctx, locator.value, 'Account', itemIndex);
	return idSegment(ctx, (await accountRow(ctx, resource, locator, itemIndex))['ACCOUNT ID'], 'Account', itemIndex);
}

/** Resource and account IDs from their names (`getResourceIdAccountId`, plain query parameters). */
export async function idsFromNames(ctx: IExecuteFunctions, resourceName: string, accountName: string, itemIndex: number) {
	const operation = await pam360ApiRequest.call(ctx, {
		method: 'GET',
		path: '/resources/getResourceIdAccountId',
		qs: { RESOURCENAME: resourceName, ACCOUNTNAME: accountName },
		itemIndex,
	});
	const details = (operation.Details ?? {}) as IDataObject;
	return { resourceId: String(details.RESOURCEID ?? ''), accountId: String(details.ACCOUNTID ?? '') };
}
