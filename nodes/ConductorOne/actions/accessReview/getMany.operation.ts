import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { reviewOf } from '../../helpers/accessReview';
import { limitOf } from '../../helpers/fields';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [...returnAllOrLimit({})];

export const description = updateDisplayOptions({ show: { resource: ['accessReview'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const views = await conductorOneAllItems.call(this, { method: 'GET', path: '/api/v1/access_reviews', itemIndex }, limitOf.call(this, itemIndex));
	return views.map(reviewOf);
}
