import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

interface AuditEntry {
	operation: string;
	resource: string;
	account?: string;
	reason?: string;
	ticketId?: string;
	resetType?: string;
}

/**
 * The template's sample (Run Manually): a Vision One alert naming `corp\svc-backup` and `root`. Both exist in the
 * sandbox's PAM360 on allowed resources (SOUTH-FIN-WINSERQA-09, CORE-DB-01), so both are rotated remotely with the
 * ServiceNow incident the run opened as ticket ID, and the incident gets one work note listing them.
 */
const ALERT = 'WB-9002-20260105-00011';

const check: WorkflowCheck = {
	async verify({ sandbox, run }) {
		const { result: [incident] = [] } = await sandbox.call<{ result: Array<Record<string, string>> }>(
			'servicenow',
			'GET',
			`/api/now/table/incident?sysparm_query=${encodeURIComponent(`correlation_id=visionone:${ALERT}`)}`,
		);
		expect(incident, `no ServiceNow incident with correlation ID visionone:${ALERT}`);
		const { audit } = await sandbox.state<{ audit: AuditEntry[] }>('pam360');
		const changed = audit.filter((a) => a.operation === 'Password Changed').map((a) => `${a.account}@${a.resource} ${a.resetType} ${a.ticketId}`).sort();
		const expected = [`root@CORE-DB-01 REMOTE ${incident.number}`, `svc-backup@SOUTH-FIN-WINSERQA-09 REMOTE ${incident.number}`];
		expect(JSON.stringify(changed) === JSON.stringify(expected), `PAM360 audit shows ${JSON.stringify(changed)}, expected ${JSON.stringify(expected)}`);
		expect(!audit.some((a) => a.operation === 'Password Retrieved'), 'the template fetched a password');
		const query = encodeURIComponent(`element_id=${incident.sys_id}^element=work_notes`);
		const { result: notes } = await sandbox.call<{ result: Array<Record<string, string>> }>('servicenow', 'GET', `/api/now/table/sys_journal_field?sysparm_query=${query}`);
		expect(notes.some((n) => n.value.includes('Rotated: svc-backup on SOUTH-FIN-WINSERQA-09, root on CORE-DB-01')), `no rotation work note on ${incident.number}`);
		expect(nodeItems(run, 'Summary')[0]?.incident === incident.number, `Summary says ${JSON.stringify(nodeItems(run, 'Summary'))}`);
	},
};

export default check;
