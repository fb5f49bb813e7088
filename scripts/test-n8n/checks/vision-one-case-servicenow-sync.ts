import type { IDataObject } from 'n8n-workflow';

import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

/** The template's sample case (Run Manually) and the Workbench alert it links, made real in the sandbox under their IDs. */
const ALERT = 'WB-9002-20261130-00022';
const CASE = 'CL-1-20261130-00004';
const CORRELATION = `v1:${ALERT}`;

interface VisionOneSnapshot {
	alerts: Array<{ id: string }>;
	cases: Array<{ id: string; externalTicketId: string; externalTicketAlias: string }>;
}

const check: WorkflowCheck = {
	async prepare(sandbox) {
		const { alerts } = await sandbox.state<VisionOneSnapshot>('visionone');
		if (!alerts.some((a) => a.id === ALERT)) await sandbox.action('visionone', 'raiseAlerts', { id: ALERT, severity: 'critical' });
		await sandbox.action('visionone', 'openCase', { id: CASE, name: 'Credential dumping on nimda', priority: 'P1', associatedItemIds: [ALERT] });
	},
	async verify({ sandbox, run }) {
		const query = encodeURIComponent(`correlation_id=${CORRELATION}`);
		const { result } = await sandbox.call<{ result: IDataObject[] }>('servicenow', 'GET', `/api/now/table/incident?sysparm_query=${query}&sysparm_fields=number,sys_created_by`);
		expect(result.length === 1, `expected one incident for ${CORRELATION}, found ${result.length}`);
		const [incident] = result;
		const { cases } = await sandbox.state<VisionOneSnapshot>('visionone');
		const linked = cases.find((c) => c.id === CASE);
		expect(linked !== undefined && linked.externalTicketId === incident.number, `${CASE} names ticket ${String(linked?.externalTicketId)}, not ${String(incident.number)}`);
		expect(linked.externalTicketAlias === `ServiceNow ${String(incident.number)} (n8n ${CORRELATION})`, `${CASE}'s alias is "${linked.externalTicketAlias}"`);
		const summary = nodeItems(run, 'Summary (Case)');
		expect(summary.length === 1 && summary[0].incident === incident.number && summary[0].caseLink === 'linked by n8n', `Summary (Case) says ${JSON.stringify(summary)}`);
	},
};

export default check;
