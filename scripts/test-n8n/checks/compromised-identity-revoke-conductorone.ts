import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

interface C1State {
	bindings: Array<{ appUserId: string; appEntitlementId: string }>;
	tasks: Array<{ description: string; processing: string; type: { revoke?: { appEntitlementId: string } } }>;
}

/**
 * The template's sample (Run Manually): XSOAR incident 1042 names erin@acme.example, who in the sandbox's ConductorOne
 * holds GitHub Org member, AWS ReadOnlyAccess and (through the XSOAR connector) XSOAR's Read-Only role. The AWS revoke
 * needs no approver and completes; the XSOAR role revoke waits for Bob beyond the wait budget; GitHub is kept. The
 * sample incident does not exist in the sandbox's XSOAR, so the War Room refuses the entry and Record Not Reported
 * carries it.
 */
const check: WorkflowCheck = {
	async verify({ sandbox, run }) {
		const c1 = await sandbox.state<C1State>('conductorone');
		// The sandbox's state view has no app users; Erin's accounts are au-<app>-erin (au-xsoar-erin from the XSOAR sync).
		const held = c1.bindings.filter((b) => b.appUserId.endsWith('-erin')).map((b) => b.appEntitlementId).sort();
		expect(JSON.stringify(held) === JSON.stringify(['ent-github-member', 'ent-xsoar-role-read-only']), `Erin holds ${JSON.stringify(held)} in ConductorOne`);
		const xsoarRevoke = c1.tasks.find((t) => t.type.revoke?.appEntitlementId === 'ent-xsoar-role-read-only');
		expect(xsoarRevoke, 'no XSOAR role revoke task');
		expect(xsoarRevoke.processing === 'TASK_PROCESSING_TYPE_WAITING', `the XSOAR role revoke is ${xsoarRevoke.processing}, not waiting for its approver`);
		expect(xsoarRevoke.description.startsWith('XSOAR incident 1042: compromised identity erin@acme.example'), `revoke reason: ${xsoarRevoke.description}`);
		const [record] = nodeItems(run, 'Record Not Reported');
		const entry = String(record?.entry ?? '');
		expect(entry.includes('**Revoked**: AWS Production / ReadOnlyAccess') && entry.includes('**Still waiting for approval**: Cortex XSOAR / Role: Read-Only'), `Record Not Reported says ${JSON.stringify(record)}`);
	},
};

export default check;
