import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { requireText } from '../../../shared/validation';
import { incidentFields } from '../../descriptions/incidentFields.description';
import { assignedToRLC, assignmentGroupRLC, callerRLC } from '../../descriptions/rlc.description';
import { createOrUpdateByCorrelation } from '../../helpers/correlation';
import { incidentBody, incidentOutput, outputQs } from '../../helpers/incident';
import { CORRELATION_ID_LENGTH, queryValue } from '../../helpers/query';

const properties: INodeProperties[] = [
	{
		displayName: 'Correlation ID',
		name: 'correlationId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.uuid }}',
		description: 'The alert or event ID in the source system; one open incident is kept per value',
	},
	{
		displayName: 'Short Description',
		name: 'shortDescription',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Impossible travel for alice@acme.com',
	},
	{
		displayName: 'Note on Existing Incident',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Added when the incident already exists; empty adds "Repeated alert" with the short description',
	},
	{
		displayName: 'Add Note As',
		name: 'noteType',
		type: 'options',
		options: [
			{ name: 'Work Note', value: 'work_notes', description: 'Visible only to the fulfiller team' },
			{ name: 'Comment', value: 'comments', description: 'Visible to the caller' },
		],
		default: 'work_notes',
	},
	{
		displayName: 'Update Fields on Existing',
		name: 'updateExisting',
		type: 'boolean',
		default: false,
		description: 'Whether to also apply the fields below to an existing incident (otherwise they are used only on create)',
	},
	callerRLC,
	assignmentGroupRLC,
	assignedToRLC,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: incidentFields(['correlationId']),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Duplicate Handling',
				name: 'duplicateHandling',
				type: 'options',
				options: [
					{ name: 'Resolve as Duplicate', value: 'resolve', description: 'Needs the itil role' },
					{ name: 'Delete', value: 'delete', description: 'Needs delete rights on incident' },
				],
				default: 'resolve',
				description:
					'What to do with a newer open incident for the same correlation ID, e.g. one opened by hand or by another tool; the oldest one is kept',
			},
		],
	},
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['createOrUpdate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const correlationId = requireText(node, this.getNodeParameter('correlationId', itemIndex, ''), 'Correlation ID', itemIndex, 'Map the alert ID, e.g. {{ $json.uuid }}.');
	queryValue(node, correlationId, 'Correlation ID', itemIndex, CORRELATION_ID_LENGTH);
	const shortDescription = this.getNodeParameter('shortDescription', itemIndex, '') as string;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const createBody = await incidentBody.call(this, itemIndex, { ...additional, shortDescription, correlationId });
	const updateBody: IDataObject = this.getNodeParameter('updateExisting', itemIndex, false) ? { ...createBody } : {};
	delete updateBody.correlation_id;
	delete updateBody.work_notes;
	delete updateBody.comments;
	const note = String(this.getNodeParameter('note', itemIndex, '') ?? '').trim() || `Repeated alert: ${createBody.short_description as string}`;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const result = await createOrUpdateByCorrelation.call(
		this,
		{
			correlationId,
			createBody,
			updateBody,
			note,
			noteField: this.getNodeParameter('noteType', itemIndex, 'work_notes') === 'comments' ? 'comments' : 'work_notes',
			duplicateHandling: options.duplicateHandling === 'delete' ? 'delete' : 'resolve',
			qs: outputQs.call(this, itemIndex),
		},
		itemIndex,
	);
	const record = incidentOutput.call(this, result.record, itemIndex);
	return {
		outcome: result.outcome,
		...record,
		...(result.mergedDuplicates.length > 0 ? { merged_duplicates: result.mergedDuplicates } : {}),
	};
}
