import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Pam360Account, Pam360State } from '../../sandbox/vendors/pam360/state';
import { ONE_IN_FIVE, injectFaultShares } from '../chaos/faults';
import { incidents, outputs, workNotes } from '../chaos/records';
import type { SandboxEngine } from '../harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, withSettings } from '../harness';

const template = bundledWorkflow('compromised-account-rotate-pam360.json');
const TRIGGER = 'Privileged Account Alert';
const ALLOWED = ['SOUTH-FIN-WINSERQA-09', 'CORE-DB-01'];



describe('template: compromised privileged account → PAM360 rotation (engine, sandbox)', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const pam = () => env.sandbox.state<Pam360State>('pam360');
	const account = (resource: string, name: string): Pam360Account => pam().resources.find((r) => r.name === resource)!.accounts.find((a) => a.name === name)!;
	const changes = () => pam().audit.filter((a) => a.operation === 'Password Changed');
	const passwordReads = () => pam().audit.filter((a) => a.operation === 'Password Retrieved');
	const ticket = (alertId: string) => incidents(env.sandbox, `visionone:${alertId}`);
	const notesOf = (alertId: string) => workNotes(env.sandbox, ticket(alertId)[0].sys_id).map((n) => n.value);
	/** Alerts as the trigger emits them (simplified), varied from the pinned sample. */
	const alerts = (...variants: IDataObject[]): INodeExecutionData[] =>
		variants.map((variant, n) => ({ json: { ...template.pinData![TRIGGER][0].json, id: `WB-TEST-${n}`, ...variant } }));
	const run = async (items: INodeExecutionData[], workflow = template) => await env.engine.run(workflow, { startNode: TRIGGER, mode: 'trigger', items });

	it('rotates each named account on an allowed resource (Remote, ticket ID = the incident, a reason) and notes it on the ticket; no backfill', async () => {
		const flow = new ActiveWorkflow(env.engine, template, TRIGGER);
		await sandboxAction(env.sandbox, 'visionone', 'raiseAlerts', { severity: 'critical', account: 'corp\\svc-backup' }); // before activation
		await flow.activate();
		expect((await flow.tick()).emitted).toEqual([]);
		expect(changes()).toEqual([]);

		const before = { vault: account('SOUTH-FIN-WINSERQA-09', 'svc-backup').password, target: account('SOUTH-FIN-WINSERQA-09', 'svc-backup').targetPassword };
		await sleep(1100); // the trigger counts alerts of its activation second as read
		const { raised } = await sandboxAction<{ raised: string[] }>(env.sandbox, 'visionone', 'raiseAlerts', { severity: 'critical', account: 'corp\\svc-backup' });
		await sandboxAction(env.sandbox, 'visionone', 'raiseAlerts', { severity: 'low', account: 'corp\\svc-backup' }); // below the trigger's filter
		const { emitted, run: result } = await flow.tick();
		expect(emitted.map((a) => a.id)).toEqual(raised);

		const [incident, ...more] = ticket(raised[0]);
		expect(more).toEqual([]);
		expect(incident.description).toContain('Accounts: corp\\svc-backup');
		const svc = account('SOUTH-FIN-WINSERQA-09', 'svc-backup');
		expect(svc.targetPassword).not.toBe(before.target);
		expect(svc.password).toBe(svc.targetPassword);
		expect(svc.password).not.toBe(before.vault);
		expect(changes()).toEqual([
			expect.objectContaining({ resource: 'SOUTH-FIN-WINSERQA-09', account: 'svc-backup', resetType: 'REMOTE', ticketId: incident.number, reason: expect.stringContaining(`Vision One alert ${raised[0]}`) }),
		]);
		expect(passwordReads()).toEqual([]);
		expect(notesOf(raised[0])).toEqual([expect.stringMatching(new RegExp(`^n8n rotated PAM360 passwords for Vision One alert ${raised[0]} \\(Remote reset, Ticket ID ${incident.number}\\)\\.\\nRotated: svc-backup on SOUTH-FIN-WINSERQA-09\\n`))]);
		expect(notesOf(raised[0])[0]).toContain('Not in PAM360: svc-backup on CORE-DB-01');
		expect(outputs(result, 'Summary')).toEqual([{ incident: incident.number, result: 'noted on the incident' }]);
		// The new password appears nowhere in the execution.
		expect(JSON.stringify(result?.run.data)).not.toContain(svc.password);
	});

	it('needs the reason and the ticket ID where PAM360 asks for them, and rotates several accounts of one alert into one note', async () => {
		const result = await run(alerts({ accounts: ['corp\\svc-backup', 'root', 'administrator@corp.example'] }));
		const [incident] = ticket('WB-TEST-0');
		expect(changes().map((c) => `${c.account}@${c.resource} ${c.ticketId}`).sort()).toEqual(
			[`administrator@SOUTH-FIN-WINSERQA-09 ${incident.number}`, `root@CORE-DB-01 ${incident.number}`, `svc-backup@SOUTH-FIN-WINSERQA-09 ${incident.number}`],
		);
		expect(changes().every((c) => c.reason?.includes('WB-TEST-0'))).toBe(true);
		const [note, ...others] = notesOf('WB-TEST-0');
		expect(others).toEqual([]);
		expect(note).toMatch(/^Rotated: .*root on CORE-DB-01/m);
		expect(outputs(result, 'Rotation Note')).toEqual([expect.objectContaining({ rotated: expect.arrayContaining(['root on CORE-DB-01']), failed: [], notRotatedCap: [] })]);
	});

	it('never touches an account on a resource outside allowedResources, even when the alert names it', async () => {
		await run(alerts({ accounts: ['deploy', 'fwadmin', 'corp\\payroll'] }));
		expect(changes()).toEqual([]);
		// Not even looked up: the only PAM360 calls are for the allowed resources.
		const looked = env.sandbox.requests.filter((r) => r.vendor === 'pam360').map((r) => String(r.query.RESOURCENAME ?? ''));
		expect(new Set(looked)).toEqual(new Set(['SOUTH-FIN-WINSERQA-09', 'CORE-DB-01']));
		expect(notesOf('WB-TEST-0')[0]).toMatch(/Rotated: none\nNot in PAM360: deploy on SOUTH-FIN-WINSERQA-09, deploy on CORE-DB-01, fwadmin on SOUTH-FIN-WINSERQA-09, fwadmin on CORE-DB-01, payroll on SOUTH-FIN-WINSERQA-09, payroll on CORE-DB-01$/);
	});

	it('rotates at most maxRotationsPerRun per execution and lists the rest on their tickets', async () => {
		const result = await run(alerts({ accounts: ['svc-backup'] }, { accounts: ['root', 'oracle'] }), withSettings(template, { maxRotationsPerRun: 2 }));
		expect(changes()).toHaveLength(2);
		const capped = outputs(result, 'Not Rotated (Cap)');
		expect(capped).toEqual([expect.objectContaining({ account: 'oracle', resource: 'CORE-DB-01', alert: 'WB-TEST-1' })]);
		expect(account('CORE-DB-01', 'oracle').targetPassword).toBe('Orcl@Core-551');
		expect(notesOf('WB-TEST-1')[0]).toContain('Not rotated, over the cap of 2 per run: oracle on CORE-DB-01. Rotate them by hand.');
		expect(notesOf('WB-TEST-0')[0]).toContain('Rotated: svc-backup on SOUTH-FIN-WINSERQA-09');
	});

	it('a refused rotation is listed as FAILED with PAM360\'s message; the other accounts are rotated', async () => {
		env.sandbox.faults.add({ vendor: 'pam360', method: 'PUT', path: '/resources/2/accounts/3/password$', kind: 'status', status: 403, message: 'Remote password reset failed: the target refused the connection' });
		await run(alerts({ accounts: ['root', 'svc-backup'] }));
		expect(changes().map((c) => c.account)).toEqual(['svc-backup']);
		expect(account('CORE-DB-01', 'root').targetPassword).toBe('R00t$Core-Db1');
		expect(notesOf('WB-TEST-0')[0]).toMatch(/ROTATION FAILED: root on CORE-DB-01: .*Remote password reset failed/);
	});

	it('a failed PAM360 lookup is on the note as such, not as "not in PAM360"', async () => {
		env.sandbox.faults.add({ vendor: 'pam360', method: 'GET', path: 'getResourceIdAccountId', kind: 'status', status: 403, message: 'The RPA entry "n8n" is pending approval', times: 1 });
		await run(alerts({ accounts: ['svc-backup'] }));
		expect(changes().map((c) => c.resource)).toEqual([]);
		expect(notesOf('WB-TEST-0')[0]).toMatch(/PAM360 LOOKUP FAILED: svc-backup on SOUTH-FIN-WINSERQA-09: .*pending approval/);
	});

	it('retries the ticket once; with no ticket nothing is rotated and the alert is recorded', async () => {
		env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', path: '^/api/now/table/incident$', kind: 'status', status: 400, message: 'Insert refused by a business rule', times: 3 });
		const result = await run(alerts({ accounts: ['svc-backup'] }, { accounts: ['root'] }));
		const [unticketed, ...more] = outputs(result, 'Record Unticketed Alert');
		expect(more).toEqual([]);
		expect(unticketed).toEqual(expect.objectContaining({ alert: 'WB-TEST-0', accounts: 'svc-backup', failed: 'ServiceNow: Open or Update Incident, twice', error: expect.stringContaining('Insert refused') }));
		expect(outputs(result, 'Retry Open or Update Incident')).toHaveLength(1);
		expect(changes().map((c) => c.account)).toEqual(['root']);
		expect(ticket('WB-TEST-0')).toEqual([]);
		expect(ticket('WB-TEST-1')).toHaveLength(1);
		expect(notesOf('WB-TEST-1')).toEqual([expect.stringContaining('Rotated: root on CORE-DB-01')]);
	});

	it('records the note it could not write, with the rotation that happened', async () => {
		env.sandbox.faults.add({ vendor: 'servicenow', method: 'PATCH', path: '^/api/now/table/incident/', kind: 'status', status: 403, message: 'Operation against file incident was aborted by Business Rule' });
		const result = await run(alerts({ accounts: ['svc-backup'] }));
		expect(changes()).toHaveLength(1);
		expect(outputs(result, 'Record Note Failed')).toEqual([
			expect.objectContaining({ alert: 'WB-TEST-0', failed: 'ServiceNow: Note on Ticket', note: expect.stringContaining('Rotated: svc-backup on SOUTH-FIN-WINSERQA-09'), error: expect.stringContaining('aborted by Business Rule') }),
		]);
	});

	it('an alert that names no account gets a note saying so and rotates nothing', async () => {
		await run(alerts({ accounts: [] }));
		expect(changes()).toEqual([]);
		expect(notesOf('WB-TEST-0')).toEqual(['n8n rotated no PAM360 password for Vision One alert WB-TEST-0: it names no account.']);
	});

	it('when 1 call in 5 fails: every alert is on its ticket or recorded, nothing is rotated without its ticket or off the allow-list', async () => {
		injectFaultShares(env.sandbox, ['servicenow', 'pam360'], ONE_IN_FIVE, 7);
		const pool = ['corp\\svc-backup', 'root', 'administrator', 'oracle', 'deploy', 'fwadmin'];
		const items = alerts(...Array.from({ length: 10 }, (_, n) => ({ accounts: [pool[n % pool.length], pool[(n + 2) % pool.length]] })));
		const result = await run(items, withSettings(template, { maxRotationsPerRun: 20 }));
		env.sandbox.faults.clear();

		expect(result.run.data.resultData.error).toBeUndefined();
		const unticketed = new Set(outputs(result, 'Record Unticketed Alert').map((r) => r.alert));
		const noteFailed = new Map(outputs(result, 'Record Note Failed').map((r) => [r.alert, String(r.note)]));
		const numberOf = new Map<string, string>();
		for (const { json } of items) {
			const id = String(json.id);
			const rotatedFor = changes().filter((c) => c.reason?.includes(`alert ${id} `));
			if (unticketed.has(id)) {
				expect(rotatedFor).toEqual([]);
				continue;
			}
			const [incident, ...more] = ticket(id);
			expect(more).toEqual([]);
			numberOf.set(id, incident.number);
			const notes = notesOf(id).filter((n) => n.startsWith('n8n rotated'));
			const note = notes[0] ?? noteFailed.get(id);
			expect(note).toBeDefined();
			expect(notes.length).toBeLessThanOrEqual(1);
			// What the note calls rotated was rotated, with this incident as ticket ID.
			const rotated = /^Rotated: (.*)$/m.exec(note!)![1];
			for (const pair of rotated === 'none' ? [] : rotated.split(', ')) {
				const [account, resource] = pair.split(' on ');
				expect(rotatedFor).toContainEqual(expect.objectContaining({ account, resource, ticketId: incident.number, resetType: 'REMOTE' }));
			}
		}
		expect(unticketed.size).toBeLessThan(items.length);
		for (const change of changes()) {
			expect(ALLOWED).toContain(change.resource);
			const alert = /alert (\S+) /.exec(change.reason!)![1];
			expect(change.ticketId).toBe(numberOf.get(alert));
		}
		expect(passwordReads()).toEqual([]);
	});

	it('runs headless from its Manual Trigger with the sample alert', async () => {
		const result = await env.engine.run(template, { startNode: 'Run Manually' });
		expect(changes().map((c) => `${c.account}@${c.resource}`).sort()).toEqual(['root@CORE-DB-01', 'svc-backup@SOUTH-FIN-WINSERQA-09']);
		expect(outputs(result, 'Summary')).toHaveLength(1);
	});
});
