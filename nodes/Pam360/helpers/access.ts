import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { detailText } from './values';

const isTrue = (value: unknown) => String(value).toLowerCase() === 'true';

/**
 * REASON and TICKETID for a password fetch or change, checked against the account's own settings first: an account
 * that requires a reason or a ticket ID gets a clear error naming the field, not a vendor refusal.
 */
export function accessDetails(ctx: IExecuteFunctions, account: IDataObject, action: 'fetch' | 'change', itemIndex: number): IDataObject {
	const node = ctx.getNode();
	const reason = detailText(node, ctx.getNodeParameter('reason', itemIndex, ''), 'Reason', itemIndex);
	const ticketId = detailText(node, ctx.getNodeParameter('ticketId', itemIndex, ''), 'Ticket ID', itemIndex);
	const name = String(account['ACCOUNT NAME']);
	if (isTrue(account.ISREASONREQUIRED) && !reason) {
		throw new NodeOperationError(node, `Account ${name} requires a reason to ${action} its password`, {
			itemIndex,
			description: 'Fill in Reason (e.g. the alert or incident it is for); PAM360 records it in the audit trail.',
		});
	}
	if (isTrue(account.IS_TICKETID_REQD_MANDATORY) && !ticketId) {
		throw new NodeOperationError(node, `Account ${name} requires a ticket ID to ${action} its password`, {
			itemIndex,
			description: 'Fill in Ticket ID with the ticket this access is for (e.g. the ServiceNow incident number).',
		});
	}
	return { ...(reason ? { REASON: reason } : {}), ...(ticketId ? { TICKETID: ticketId } : {}) };
}
