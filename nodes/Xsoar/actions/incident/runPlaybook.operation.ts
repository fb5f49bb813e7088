import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../../shared/validation';
import { incidentIdField } from '../../descriptions/incidentFields.description';
import { getIncident, incidentId } from '../../helpers/incident';
import { runPlaybook } from '../../helpers/warRoom';

const properties: INodeProperties[] = [
	incidentIdField,
	{
		displayName: 'Playbook ID',
		name: 'playbookId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Phishing Investigation - Generic v3',
		description: 'The playbook\'s ID (for built-in playbooks usually its name)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['runPlaybook'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const id = incidentId(node, this.getNodeParameter('incidentId', itemIndex), itemIndex);
	const playbookId = requireText(node, this.getNodeParameter('playbookId', itemIndex, ''), 'Playbook ID', itemIndex, 'Give the playbook\'s ID, e.g. Phishing Investigation - Generic v3.');
	const run = await runPlaybook.call(this, id, playbookId, itemIndex);
	return { ...(await getIncident.call(this, id, itemIndex)), playbookRun: run };
}
