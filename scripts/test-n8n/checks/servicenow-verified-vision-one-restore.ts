import type { IDataObject } from 'n8n-workflow';

import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

/**
 * The template's sample (Run Manually): Bob's flagship incident resolved as verified. Make it real first, as the
 * flagship leaves it: Bob suspended by Vision One, the incident opened by the integration user (the sandbox's sample
 * credential) with the note saying n8n disabled him through Vision One, an open XSOAR incident with the correlation
 * ID as External Key. Only then may the restore template enable him again and close the XSOAR incident.
 */
const LOGIN = 'bob.anders@acme.example';
const CORRELATION = `v1okta:${LOGIN}:risky-sign-in`;
const SAMPLE_SYS_ID = '5b2e8d1c0f3a4e7b9c6d5e4f3a2b1c0d';

const check: WorkflowCheck = {
	async prepare(sandbox) {
		await sandbox.call('okta', 'POST', `/api/v1/users/${encodeURIComponent(LOGIN)}/lifecycle/suspend`);
		await sandbox.call('servicenow', 'POST', '/api/now/table/incident', {
			sys_id: SAMPLE_SYS_ID,
			short_description: `Okta sign-in anomaly: ${LOGIN}`,
			correlation_id: CORRELATION,
			work_notes: `n8n disabled Okta account <${LOGIN}> through Vision One (task 00000002 succeeded); sessions signed out (task 00000001).`,
		});
		await sandbox.call('servicenow', 'PATCH', `/api/now/table/incident/${SAMPLE_SYS_ID}`, {
			state: '6',
			close_code: 'Solution provided',
			close_notes: 'Verified with the user: travel was legitimate, password changed.',
		});
		const { url, apiKey } = (await sandbox.credentials()).xsoar as { url: string; apiKey: string };
		const response = await fetch(`${url}/incident`, {
			method: 'POST',
			headers: { Authorization: apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ name: `Okta sign-in anomaly: ${LOGIN} (HIGH)`, severity: 3, createInvestigation: true, CustomFields: { externalkey: CORRELATION } }),
		});
		expect(response.ok, `seeding the XSOAR incident answered ${response.status}: ${await response.text()}`);
	},
	async verify({ sandbox, run }) {
		const user = await sandbox.call('okta', 'GET', `/api/v1/users/${encodeURIComponent(LOGIN)}`);
		expect(user.status === 'ACTIVE', `${LOGIN} is ${String(user.status)} in Okta, not ACTIVE again`);
		const [restored] = nodeItems(run, 'Restored');
		expect(restored?.result === 'enabled', `Restored says ${JSON.stringify(nodeItems(run, 'Restored'))}`);
		const enables = (await sandbox.requests('visionone')).filter((r) => r.method === 'POST' && r.path.endsWith('/domainAccounts/enable'));
		expect(enables.length === 1, `expected one Vision One Enable request, saw ${enables.length}`);
		const { incidents } = await sandbox.state<{ incidents: Array<{ id: string; status: number; CustomFields: IDataObject }> }>('xsoar');
		const ours = incidents.filter((incident) => incident.CustomFields.externalkey === CORRELATION);
		expect(ours.length === 1 && ours[0].status === 2, `the XSOAR incident with key ${CORRELATION} is not closed: ${JSON.stringify(ours)}`);
		const query = encodeURIComponent(`element_id=${SAMPLE_SYS_ID}^element=work_notes`);
		const { result } = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/sys_journal_field?sysparm_query=${query}`);
		expect(
			result.some((note) => String(note.value).startsWith('Okta access restored by n8n through Vision One') && String(note.value).includes(`XSOAR incident ${ours[0].id} closed`)),
			`no work note saying access was restored and XSOAR incident ${ours[0].id} closed: ${JSON.stringify(result.map((n) => n.value))}`,
		);
	},
};

export default check;
