import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readWithEtag } from '../../helpers/etag';
import { caseIdField, caseIdParameter } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['get'] } }, [caseIdField] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { record, etag } = await readWithEtag.call(this, `/v3.0/caseManagement/cases/${caseIdParameter.call(this, itemIndex)}`, itemIndex);
	return { ...record, etag };
}
