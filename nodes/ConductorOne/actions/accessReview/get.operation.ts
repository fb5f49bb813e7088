import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { reviewOf } from '../../helpers/accessReview';
import { idField, idSegment } from '../../helpers/fields';
import { conductorOneApiRequest } from '../../transport';

const properties: INodeProperties[] = [idField('accessReviewId', 'Access Review ID', 'The access review campaign')];

export const description = updateDisplayOptions({ show: { resource: ['accessReview'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idSegment.call(this, itemIndex, 'accessReviewId', 'Access Review ID');
	const { body } = await conductorOneApiRequest.call(this, { method: 'GET', path: `/api/v1/access_review/${id}`, itemIndex });
	return reviewOf(body.accessReview);
}
