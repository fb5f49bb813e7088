import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customFieldsFrom, labelsFrom } from './incident';
import { severityValue } from './severity';

/**
 * The `CreateIncidentRequest` an item asks for: name, type, severity (name or number), details, owner, playbook,
 * labels, custom fields (the swagger's `CustomFields`), occurred, and whether to start the investigation.
 */
export function createBody(this: IExecuteFunctions, itemIndex: number, extraCustomFields: IDataObject = {}): IDataObject {
	const node = this.getNode();
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		name,
		severity: severityValue(node, this.getNodeParameter('severity', itemIndex, 'unknown'), itemIndex),
		createInvestigation: this.getNodeParameter('startInvestigation', itemIndex, true) as boolean,
	};
	const type = String(this.getNodeParameter('incidentType', itemIndex, '') ?? '').trim();
	if (type) body.type = type;
	for (const key of ['details', 'owner', 'playbookId', 'occurred'] as const) {
		const value = additional[key];
		if (typeof value === 'string' && value.trim()) body[key] = value.trim();
	}
	const labels = labelsFrom(node, additional.labels, itemIndex);
	if (labels.length) body.labels = labels;
	const custom = { ...customFieldsFrom(node, additional.customFields, itemIndex), ...extraCustomFields };
	if (Object.keys(custom).length) body.CustomFields = custom;
	return body;
}
