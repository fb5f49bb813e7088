import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { alertIdParameter, readAlert, simplifyAlert } from '../../helpers/alert';
import { alertIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['alert'], operation: ['get'] } }, [alertIdField, simplify({})] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { alert, etag } = await readAlert.call(this, alertIdParameter.call(this, itemIndex), itemIndex);
	const simplified = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return { ...(simplified ? simplifyAlert(alert) : alert), etag };
}
