import type { IDataObject } from 'n8n-workflow';

import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';
import type { SandboxClient } from '../sandbox';

/** The sample anomaly (Run Manually) and the seeded one are Bob's, rated HIGH: contain, then one incident. */
const LOGIN = 'bob.anders@acme.example';
const CORRELATION = `okta:${LOGIN}:risky-sign-in`;

async function contained(sandbox: SandboxClient, run: Parameters<NonNullable<WorkflowCheck['verify']>>[0]['run']) {
	const user = await sandbox.call('okta', 'GET', `/api/v1/users/${encodeURIComponent(LOGIN)}`);
	expect(user.status === 'SUSPENDED', `${LOGIN} is ${String(user.status)} in Okta, not SUSPENDED`);
	const query = encodeURIComponent(`correlation_id=${CORRELATION}`);
	const { result } = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/incident?sysparm_query=${query}`);
	expect(result.length === 1, `expected one incident for ${CORRELATION}, found ${result.length}`);
	const summary = nodeItems(run, 'Summary');
	expect(summary.length === 1 && summary[0].incident === result[0].number, `Summary says ${JSON.stringify(summary)}, ServiceNow has ${String(result[0].number)}`);
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
