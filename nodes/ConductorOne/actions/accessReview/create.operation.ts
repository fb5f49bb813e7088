import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { SCOPE_TYPE_OPTIONS, createReviewBody, reviewOf } from '../../helpers/accessReview';
import { conductorOneApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '', required: true, placeholder: 'e.g. INC-42 post-incident review' },
	{ displayName: 'Scope Type', name: 'scopeType', type: 'options', options: SCOPE_TYPE_OPTIONS, default: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Completion Date', name: 'completionDate', type: 'dateTime', default: '', description: 'When the campaign is due; must be in the future' },
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Owner IDs', name: 'ownerIds', type: 'string', default: '', placeholder: 'e.g. 2JkXq0p7Y1hT3mN9bVc4dE5fG6h', description: 'Comma-separated IDs of the users who run the campaign' },
			{ displayName: 'Policy ID', name: 'policyId', type: 'string', default: '', description: 'The review policy that assigns and resolves the review tasks' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['accessReview'], operation: ['create'] } }, properties);

/** `POST /api/v1/access_review` (Go SDK `accessreview.go`; not in the OpenAPI spec). Sent once: a repeat makes a second campaign. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = createReviewBody(
		this.getNode(),
		{
			displayName: this.getNodeParameter('displayName', itemIndex, ''),
			scopeType: this.getNodeParameter('scopeType', itemIndex, ''),
			additional: this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		},
		itemIndex,
	);
	const response = await conductorOneApiRequest.call(this, { method: 'POST', path: '/api/v1/access_review', body, itemIndex });
	return reviewOf(response.body.accessReview);
}
