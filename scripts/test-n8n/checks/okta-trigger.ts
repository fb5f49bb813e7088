import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

const LOGIN = 'bob.anders@acme.example';

/**
 * fixtures/okta-trigger.json: published in n8n, the Okta Trigger (High-Risk Sign-Ins) emits the one sign-in anomaly
 * seeded after activation, once, through n8n's scheduler and static-data cursor.
 */
const check: WorkflowCheck = {
	trigger: {
		node: 'High-Risk Sign-In',
		async seed(sandbox) {
			await sandbox.action('okta', 'seedSignInAnomaly', { login: LOGIN, kind: 'highRisk' });
		},
		async verify({ run }) {
			const items = nodeItems(run, 'High-Risk Sign-In');
			expect(items.length === 1, `the trigger emitted ${items.length} items for one seeded anomaly`);
			expect(JSON.stringify(items[0]).includes(LOGIN), `the emitted event is not ${LOGIN}'s: ${JSON.stringify(items[0]).slice(0, 300)}`);
			expect(nodeItems(run, 'Anomaly Received').length === 1, 'the event did not reach the next node');
		},
	},
};

export default check;
