import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment } from '../../shared/validation';
import { readWithEtag } from './etag';

export function alertIdParameter(this: IExecuteFunctions, itemIndex: number): string {
	return pathSegment(this.getNode(), this.getNodeParameter('alertId', itemIndex), 'Alert ID', itemIndex, 'WB-9002-20260105-00022');
}

/** The alert and its ETag (the `If-Match` value an update needs). */
export async function readAlert(this: IExecuteFunctions, alertId: string, itemIndex: number): Promise<{ alert: IDataObject; etag?: string }> {
	const { record, etag } = await readWithEtag.call(this, `/v3.0/workbench/alerts/${alertId}`, itemIndex);
	return { alert: record, etag };
}

/** Vision One's date format, `yyyy-MM-ddThh:mm:ssZ` in UTC, from whatever n8n's date field holds. */
export function visionOneDate(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const ms = typeof value === 'string' && value.trim() !== '' ? Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value.trim()) ? value.trim() : `${value.trim()}Z`) : Number.NaN;
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(this.getNode(), `${field} "${String(value)}" is not a date`, { itemIndex, description: `Give ${field} as an ISO date, e.g. 2026-01-05T09:00:00Z.` });
	}
	return isoSeconds(ms);
}

export function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `domain\user` accounts, UPNs, host names and IPs, email addresses and indicator values, each list de-duplicated. */
export function simplifyAlert(alert: IDataObject): IDataObject {
	const entities = ((alert.impactScope as IDataObject | undefined)?.entities as IDataObject[] | undefined) ?? [];
	const values = (type: string) => entities.filter((e) => e.entityType === type).map((e) => e.entityValue);
	const unique = <T>(list: T[]) => [...new Set(list)];
	const hosts = values('host').map((v) => (v && typeof v === 'object' ? (v as IDataObject) : { name: v }));
	return {
		id: alert.id,
		model: alert.model,
		severity: alert.severity,
		score: alert.score,
		status: alert.status,
		investigationResult: alert.investigationResult,
		alertProvider: alert.alertProvider,
		createdDateTime: alert.createdDateTime,
		updatedDateTime: alert.updatedDateTime,
		workbenchLink: alert.workbenchLink,
		description: alert.description,
		accounts: unique(values('account').filter((v): v is string => typeof v === 'string')),
		hosts: hosts.map((h) => ({ name: h.name, ips: h.ips ?? [], guid: h.guid })),
		emails: unique(values('emailAddress').filter((v): v is string => typeof v === 'string')),
		indicators: ((alert.indicators as IDataObject[] | undefined) ?? []).map((i) => ({ type: i.type, value: i.value })),
	};
}
