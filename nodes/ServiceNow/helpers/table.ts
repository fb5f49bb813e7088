import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment, printable } from '../../shared/validation';
import { columnName } from './query';

const TABLE = /^[A-Za-z0-9_]{1,80}$/;

/** The Table parameter, checked (letters, digits, underscores) and encoded for the URL path. */
export function tableSegment(this: IExecuteFunctions, itemIndex: number, parameter = 'table'): string {
	const value = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	const segment = pathSegment(this.getNode(), value, 'Table', itemIndex, 'incident');
	if (!TABLE.test(value)) {
		throw new NodeOperationError(this.getNode(), `Table "${printable(value)}" is not a table name`, {
			itemIndex,
			description: 'A table name has letters, digits and underscores only, e.g. incident or u_security_event.',
		});
	}
	return segment;
}

/** The Fields name/value list as a request body. */
export function fieldValues(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const list = ((this.getNodeParameter('fields', itemIndex, {}) as IDataObject).field ?? []) as IDataObject[];
	const body: IDataObject = {};
	for (const { name, value } of list) body[columnName(this.getNode(), name, 'Field name', itemIndex)] = value === undefined ? '' : String(value);
	return body;
}
