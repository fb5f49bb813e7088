import type { IDataObject } from 'n8n-workflow';

import { expect, nodeItems } from '../check';
import type { RunData, WorkflowCheck } from '../check';
import type { SandboxClient } from '../sandbox';

/**
 * The flagship. The sample anomaly (Run Manually) and the seeded one are Bob's successful sign-ins rated HIGH: Vision
 * One disables his Okta account (the System Log names it as the actor), then one ServiceNow incident and one XSOAR
 * incident, linked both ways. Marked `flagship`: test:n8n publishes this workflow for the scheduler scenario.
 */
const LOGIN = 'bob.anders@acme.example';
const CORRELATION = `v1okta:${LOGIN}:risky-sign-in`;
const INTEGRATION_USER = 'soc.integration';

interface XsoarSnapshot {
	incidents: Array<{ id: string; name: string; status: number; CustomFields: IDataObject; labels: Array<{ type: string; value: string }> }>;
	investigations: Record<string, { entries: Array<{ contents: string }> }>;
}

async function containedAndLinked(sandbox: SandboxClient, run: RunData) {
	const user = await sandbox.call('okta', 'GET', `/api/v1/users/${encodeURIComponent(LOGIN)}`);
	expect(user.status === 'SUSPENDED', `${LOGIN} is ${String(user.status)} in Okta, not SUSPENDED`);
	const filter = encodeURIComponent('eventType eq "user.lifecycle.suspend"');
	const events = await sandbox.call<IDataObject[]>('okta', 'GET', `/api/v1/logs?filter=${filter}`);
	const about = (event: IDataObject) => ((event.target ?? []) as IDataObject[]).some((target) => target.id === user.id);
	expect(
		events.some((event) => about(event) && (event.actor as IDataObject | undefined)?.displayName === 'Trend Vision One'),
		`no user.lifecycle.suspend event for ${LOGIN} acted by Trend Vision One in the Okta System Log: ${JSON.stringify(events.map((e) => e.actor))}`,
	);

	const [summary, ...more] = nodeItems(run, 'Summary');
	expect(summary && more.length === 0 && summary.containment === 'disabled', `Summary says ${JSON.stringify(nodeItems(run, 'Summary'))}`);
	const { tasks } = await sandbox.state<{ tasks: Array<{ id: string; status: string }> }>('visionone');
	const task = tasks.find((t) => t.id === summary.visionOneTask);
	expect(task?.status === 'succeeded', `Vision One task ${String(summary.visionOneTask)} is ${task?.status ?? 'missing'}, not succeeded`);

	const query = encodeURIComponent(`correlation_id=${CORRELATION}`);
	const { result } = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/incident?sysparm_query=${query}`);
	expect(result.length === 1 && result[0].number === summary.incident, `expected one incident ${String(summary.incident)} for ${CORRELATION}, found ${JSON.stringify(result.map((r) => r.number))}`);
	const notes = encodeURIComponent(`element_id=${String(result[0].sys_id)}^element=work_notes`);
	const journal = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/sys_journal_field?sysparm_query=${notes}`);
	expect(
		journal.result.some((note) => note.sys_created_by === INTEGRATION_USER && String(note.value).startsWith(`n8n disabled Okta account <${LOGIN}> through Vision One`)),
		`no work note by ${INTEGRATION_USER} saying n8n disabled ${LOGIN} through Vision One: ${JSON.stringify(journal.result.map((n) => n.value))}`,
	);

	const xsoar = await sandbox.state<XsoarSnapshot>('xsoar');
	const ours = xsoar.incidents.filter((incident) => incident.CustomFields.externalkey === CORRELATION);
	expect(ours.length === 1 && ours[0].id === summary.xsoarIncident, `expected one XSOAR incident ${String(summary.xsoarIncident)} with external key ${CORRELATION}, found ${JSON.stringify(ours.map((i) => i.id))}`);
	expect(ours[0].labels.some((l) => l.type === 'ServiceNow Incident' && l.value === result[0].number), `XSOAR incident ${ours[0].id} is not labelled with ${String(result[0].number)}`);
	const entries = xsoar.investigations[ours[0].id]?.entries.map((e) => e.contents) ?? [];
	expect(entries.some((e) => e.startsWith('**Okta event**')) && entries.some((e) => e.includes(`\`${String(summary.visionOneTask)}\` (succeeded)`)), `War Room entries: ${JSON.stringify(entries)}`);
	expect(
		journal.result.some((note) => String(note.value).startsWith(`XSOAR incident ${ours[0].id} (created) tracks this ticket`)),
		`no work note on ${String(result[0].number)} naming XSOAR incident ${ours[0].id}`,
	);
}

const check: WorkflowCheck = {
	flagship: true,
	async verify({ sandbox, run }) {
		await containedAndLinked(sandbox, run);
	},
	trigger: {
		node: 'Okta Sign-In Anomaly',
		async seed(sandbox) {
			await sandbox.action('okta', 'seedSignInAnomaly', { login: LOGIN, kind: 'highRisk' });
		},
		async verify({ sandbox, run }) {
			expect(nodeItems(run, 'Okta Sign-In Anomaly').length === 1, 'the trigger emitted more than the one seeded anomaly');
			await containedAndLinked(sandbox, run);
		},
	},
};

export default check;
