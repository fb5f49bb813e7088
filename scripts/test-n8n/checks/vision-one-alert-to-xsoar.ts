import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

/** The template's sample alert (Run Manually), raised in the sandbox under its own ID so the run can act on it. */
const ALERT = 'WB-9002-20261130-00022';

interface VisionOneSnapshot {
	alerts: Array<{ id: string; status: string }>;
	notes: Record<string, Array<{ content: string }>>;
}
interface XsoarSnapshot {
	incidents: Array<{ id: string; severity: number; status: number; CustomFields: Record<string, unknown> }>;
}

const check: WorkflowCheck = {
	async prepare(sandbox) {
		const { alerts } = await sandbox.state<VisionOneSnapshot>('visionone');
		if (!alerts.some((a) => a.id === ALERT)) await sandbox.action('visionone', 'raiseAlerts', { id: ALERT, severity: 'critical' });
	},
	async verify({ sandbox, run }) {
		const { incidents } = await sandbox.state<XsoarSnapshot>('xsoar');
		const ours = incidents.filter((i) => i.CustomFields.externalkey === ALERT);
		expect(ours.length === 1, `expected one XSOAR incident with external key ${ALERT}, found ${ours.length}`);
		expect(ours[0].severity === 4, `the incident's severity is ${ours[0].severity}, not 4 (critical)`);
		const v1 = await sandbox.state<VisionOneSnapshot>('visionone');
		const status = v1.alerts.find((a) => a.id === ALERT)?.status;
		expect(status === 'In Progress', `${ALERT} is ${String(status)} in Vision One, not In Progress`);
		const notes = (v1.notes[ALERT] ?? []).map((n) => n.content);
		expect(notes.some((n) => n.startsWith(`n8n opened XSOAR incident ${ours[0].id}:`)), `no note naming incident ${ours[0].id} on ${ALERT}: ${JSON.stringify(notes)}`);
		const summary = nodeItems(run, 'Summary');
		expect(
			summary.length === 1 && summary[0].incident === ours[0].id && summary[0].ticket === 'created' && summary[0].warRoom === 'added',
			`Summary says ${JSON.stringify(summary)}`,
		);
	},
};

export default check;
