import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/validation';

export const caseIdField: INodeProperties = {
	displayName: 'Case ID',
	name: 'caseId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. CL-1-20260105-00001',
	description: 'The Case Management case ID',
};

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'].map((value) => ({ name: value, value }));
export const FINDINGS = [
	{ name: 'Benign True Positive', value: 'BenignTruePositive' },
	{ name: 'False Positive', value: 'FalsePositive' },
	{ name: 'No Findings', value: 'NoFindings' },
	{ name: 'Noteworthy', value: 'Noteworthy' },
	{ name: 'True Positive', value: 'TruePositive' },
];

export function caseIdParameter(this: IExecuteFunctions, itemIndex: number): string {
	return pathSegment(this.getNode(), this.getNodeParameter('caseId', itemIndex), 'Case ID', itemIndex, 'CL-1-20260105-00001');
}

/** Text fields from a collection, trimmed, without empty ones (an empty optional field is "not given"). */
export function presentText(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v !== 'string' || v.trim() !== '').map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
}
