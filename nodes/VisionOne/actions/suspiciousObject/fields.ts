import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { responseActionFields } from '../../descriptions/responseAction.description';
import { runResponseAction, targetList } from '../../helpers/responseAction';

const TYPES = [
	{ name: 'Domain', value: 'domain' },
	{ name: 'IP Address', value: 'ip' },
	{ name: 'Sender Email Address', value: 'senderMailAddress' },
	{ name: 'SHA-1', value: 'fileSha1' },
	{ name: 'SHA-256', value: 'fileSha256' },
	{ name: 'URL', value: 'url' },
];

const HASH = { fileSha1: /^[0-9a-fA-F]{40}$/, fileSha256: /^[0-9a-fA-F]{64}$/ } as Record<string, RegExp>;

export function blockListFields(operation: string, verb: string): INodeProperties[] {
	return responseActionFields('suspiciousObject', operation, [
		{ displayName: 'Type', name: 'objectType', type: 'options', default: 'domain', options: TYPES },
		{
			displayName: 'Values',
			name: 'values',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. evil-c2.example',
			description: `The objects to ${verb}, separated by commas or new lines (URLs: one per line), or an expression returning a list. All are sent in one request.`,
		},
	]);
}

/** Add objects to, or remove them from, the User-Defined Suspicious Objects block list, one result per object. */
export async function runBlockList(this: IExecuteFunctions, itemIndex: number, add: boolean): Promise<IDataObject[]> {
	const type = this.getNodeParameter('objectType', itemIndex, 'domain') as string;
	// URLs may hold commas, so URLs given as text are one per line.
	const values = targetList.call(this, itemIndex, 'values', 'Values', 'Give each object as text (a domain, IP, URL, hash or email address).', {
		maxLength: 2048,
		separators: type === 'url' ? /\n/ : /[,\n]/,
	});
	const pattern = HASH[type];
	const wrong = pattern ? values.find((value) => !pattern.test(value)) : undefined;
	if (wrong !== undefined) {
		throw new NodeOperationError(this.getNode(), `Values "${wrong.slice(0, 80)}" is not a ${type === 'fileSha1' ? 'SHA-1' : 'SHA-256'} hash`, {
			itemIndex,
			description: `Give ${type === 'fileSha1' ? '40' : '64'} hexadecimal characters, or pick the matching Type.`,
		});
	}
	return await runResponseAction.call(this, itemIndex, {
		path: add ? 'suspiciousObjects' : 'suspiciousObjects/delete',
		targets: values.map((value) => ({ name: value, label: { type, value }, item: { [type]: value } })),
		outcome: add ? 'blocked' : 'unblocked',
	});
}
