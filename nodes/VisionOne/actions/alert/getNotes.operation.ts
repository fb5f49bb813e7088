import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { alertIdParameter } from '../../helpers/alert';
import { visionOneListAll } from '../../transport';
import { alertIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['alert'], operation: ['getNotes'] } }, [alertIdField, ...returnAllOrLimit({})]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const alertId = alertIdParameter.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const top = limit === undefined || limit > 100 ? 200 : limit > 50 ? 100 : 50;
	const notes = await visionOneListAll.call(this, { method: 'GET', path: `/v3.0/workbench/alerts/${alertId}/notes`, qs: { top }, itemIndex }, { limit, itemIndex });
	return notes.map((note) => ({ alertId: decodeURIComponent(alertId), ...note }));
}
