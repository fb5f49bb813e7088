import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, pathSegment, printable } from '../../shared/validation';

/** The scope types ConductorOne's create request takes (`AccessReviewServiceCreateRequest.scopeType`). */
export const SCOPE_TYPE_OPTIONS = [
	{ name: 'By Access Conflicts', value: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ACCESS_CONFLICTS', description: 'Review the grants that break a separation-of-duties rule' },
	{ name: 'By Entitlements', value: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', description: 'Review who holds the chosen entitlements' },
];

/** The campaign inside an `AccessReviewView` (`{accessReview: {...}, policyPath?, createdByUserPath?}`). */
export const reviewOf = (view: unknown): IDataObject => ((view as IDataObject | undefined)?.accessReview ?? {}) as IDataObject;

function displayNameOf(node: INode, raw: unknown, itemIndex: number): string {
	if (typeof raw !== 'string') {
		throw new NodeOperationError(node, `Display Name is ${describeType(raw)}, not text`, { itemIndex, description: 'Map a text value to Display Name, e.g. "INC-42 post-incident review".' });
	}
	const name = raw.trim();
	if (name === '') throw new NodeOperationError(node, 'Display Name is empty', { itemIndex, description: 'Name the campaign, e.g. "INC-42 post-incident review".' });
	if (/\p{Cc}/u.test(name)) {
		throw new NodeOperationError(node, `Display Name "${printable(name)}" contains a control character`, { itemIndex, description: 'Remove line breaks from Display Name.' });
	}
	return name;
}

function scopeTypeOf(node: INode, raw: unknown, itemIndex: number): string {
	if (typeof raw === 'string' && SCOPE_TYPE_OPTIONS.some((o) => o.value === raw)) return raw;
	const shown = typeof raw === 'string' ? `"${printable(raw)}"` : describeType(raw);
	throw new NodeOperationError(node, `Scope Type ${shown} is not a ConductorOne scope type`, {
		itemIndex,
		description: `Use ${SCOPE_TYPE_OPTIONS.map((o) => o.value).join(' or ')}.`,
	});
}

/** RFC 3339, in the future: a campaign cannot be due before it starts. */
function completionDateOf(node: INode, raw: unknown, itemIndex: number, now: number): string {
	const text = typeof raw === 'string' ? raw.trim() : raw instanceof Date ? raw.toISOString() : undefined;
	const at = text ? Date.parse(text) : Number.NaN;
	if (Number.isNaN(at)) {
		const shown = text === undefined ? describeType(raw) : `"${printable(text)}"`;
		throw new NodeOperationError(node, `Completion Date ${shown} is not a date and time`, { itemIndex, description: 'Give an ISO 8601 time such as 2026-06-30T17:00:00Z, or remove the field.' });
	}
	if (at <= now) {
		throw new NodeOperationError(node, `Completion Date ${new Date(at).toISOString()} is in the past`, { itemIndex, description: 'Give a date after today: reviewers need time to complete the campaign.' });
	}
	return new Date(at).toISOString();
}

function ownerIdsOf(node: INode, raw: unknown, itemIndex: number): string[] {
	const entries = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === 'string' ? raw.split(',') : [raw];
	return entries.map((entry) => decodeURIComponent(pathSegment(node, entry, 'Owner IDs', itemIndex)));
}

/** The body of `POST /api/v1/access_review`, checked field by field before anything is sent. */
export function createReviewBody(node: INode, given: { displayName: unknown; scopeType: unknown; additional: IDataObject }, itemIndex: number, now = Date.now()): IDataObject {
	const { additional } = given;
	const body: IDataObject = { displayName: displayNameOf(node, given.displayName, itemIndex), scopeType: scopeTypeOf(node, given.scopeType, itemIndex) };
	if ('description' in additional) {
		if (typeof additional.description !== 'string') {
			throw new NodeOperationError(node, `Description is ${describeType(additional.description)}, not text`, { itemIndex, description: 'Map a text value to Description, or remove the field.' });
		}
		body.description = additional.description;
	}
	if ('policyId' in additional) body.policyId = decodeURIComponent(pathSegment(node, additional.policyId, 'Policy ID', itemIndex));
	if ('ownerIds' in additional) body.ownerIds = ownerIdsOf(node, additional.ownerIds, itemIndex);
	if ('completionDate' in additional) body.completionDate = completionDateOf(node, additional.completionDate, itemIndex, now);
	return body;
}
