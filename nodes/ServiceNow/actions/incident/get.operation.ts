import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { incidentRLC } from '../../descriptions/rlc.description';
import { incidentOutput, incidentSysId, outputQs, readIncident } from '../../helpers/incident';

const properties: INodeProperties[] = [{ ...incidentRLC, description: 'The incident to read' }, simplify({})];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sysId = await incidentSysId.call(this, itemIndex);
	const record = await readIncident.call(this, sysId, itemIndex, outputQs.call(this, itemIndex));
	return incidentOutput.call(this, record, itemIndex);
}
