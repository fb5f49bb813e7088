import type { IDataObject } from 'n8n-workflow';

import { expect, nodeItems } from '../check';
import type { RunData, WorkflowCheck } from '../check';
import type { SandboxClient } from '../sandbox';

/** The sample anomaly (Run Manually) and the seeded one are Bob's successful sign-ins rated HIGH: contain, then one incident. */
const LOGIN = 'bob.anders@acme.example';
const CORRELATION = `okta:${LOGIN}:risky-sign-in`;
const INTEGRATION_USER = 'soc.integration';

async function contained(sandbox: SandboxClient, run: RunData) {
	const user = await sandbox.call('okta', 'GET', `/api/v1/users/${encodeURIComponent(LOGIN)}`);
	expect(user.status === 'SUSPENDED', `${LOGIN} is ${String(user.status)} in Okta, not SUSPENDED`);
	const query = encodeURIComponent(`correlation_id=${CORRELATION}`);
	const { result } = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/incident?sysparm_query=${query}`);
	expect(result.length === 1, `expected one incident for ${CORRELATION}, found ${result.length}`);
	const summary = nodeItems(run, 'Summary');
	expect(
		summary.length === 1 && summary[0].incident === result[0].number && summary[0].containment === 'suspended',
		`Summary says ${JSON.stringify(summary)}, ServiceNow has ${String(result[0].number)}`,
	);
	// The note the restore template trusts: by the integration user, starting with what n8n did.
	const notes = encodeURIComponent(`element_id=${String(result[0].sys_id)}^element=work_notes`);
	const journal = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/sys_journal_field?sysparm_query=${notes}`);
	expect(
		journal.result.some((note) => note.sys_created_by === INTEGRATION_USER && String(note.value).startsWith(`n8n suspended Okta user <${LOGIN}>`)),
		`no work note by ${INTEGRATION_USER} saying n8n suspended ${LOGIN}: ${JSON.stringify(journal.result.map((n) => n.value))}`,
	);
}

const check: WorkflowCheck = {
	async verify({ sandbox, run }) {
		await contained(sandbox, run);
	},
	trigger: {
		node: 'Okta Sign-In Anomaly',
		async seed(sandbox) {
			await sandbox.action('okta', 'seedSignInAnomaly', { login: LOGIN, kind: 'highRisk' });
		},
		async verify({ sandbox, run }) {
			expect(nodeItems(run, 'Okta Sign-In Anomaly').length === 1, 'the trigger emitted more than the one seeded anomaly');
			await contained(sandbox, run);
		},
	},
};

export default check;
