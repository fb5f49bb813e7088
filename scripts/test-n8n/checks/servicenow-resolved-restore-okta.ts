import type { IDataObject } from 'n8n-workflow';

import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

/**
 * The template's sample (Run Manually): Bob's incident resolved. Make it real first, as the anomaly template leaves it:
 * Bob suspended, the incident opened by the integration user (the sandbox's sample credential) with the work note
 * saying n8n suspended him. Only then may the restore template unsuspend him.
 */
const LOGIN = 'bob.anders@acme.example';
const SAMPLE_SYS_ID = '9f3c2a7b5d1e4f608a2b3c4d5e6f7a8b';

const check: WorkflowCheck = {
	async prepare(sandbox) {
		await sandbox.call('okta', 'POST', `/api/v1/users/${encodeURIComponent(LOGIN)}/lifecycle/suspend`);
		await sandbox.call('servicenow', 'POST', '/api/now/table/incident', {
			sys_id: SAMPLE_SYS_ID,
			short_description: `Okta sign-in anomaly: ${LOGIN}`,
			correlation_id: `okta:${LOGIN}:risky-sign-in`,
			work_notes: `n8n suspended Okta user <${LOGIN}>; sessions and OAuth tokens cleared.`,
		});
		await sandbox.call('servicenow', 'PATCH', `/api/now/table/incident/${SAMPLE_SYS_ID}`, {
			state: '6',
			close_code: 'Solution provided',
			close_notes: 'Travel confirmed with the user.',
		});
	},
	async verify({ sandbox, run }) {
		const user = await sandbox.call('okta', 'GET', `/api/v1/users/${encodeURIComponent(LOGIN)}`);
		expect(user.status === 'ACTIVE', `${LOGIN} is ${String(user.status)} in Okta, not ACTIVE again`);
		expect(nodeItems(run, 'Restored')[0]?.result === 'unsuspended', `Restored says ${JSON.stringify(nodeItems(run, 'Restored'))}`);
		const query = encodeURIComponent(`element_id=${SAMPLE_SYS_ID}^element=work_notes`);
		const { result } = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/sys_journal_field?sysparm_query=${query}`);
		expect(result.some((note) => String(note.value).startsWith('Okta access restored')), 'no "Okta access restored" work note on the incident');
	},
};

export default check;
