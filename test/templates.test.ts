import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { OktaState } from '../sandbox/vendors/okta/state';
import { incidents, oktaUser, outputs, workNotes } from './chaos/records';
import type { SandboxEngine } from './harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, vendorApiCall, vendorCall } from './harness';

/** The same files users import, run by n8n's engine against the sandbox. */
const containment = bundledWorkflow('okta-anomaly-to-servicenow.json');
const restore = bundledWorkflow('servicenow-resolved-restore-okta.json');

const BOB = 'bob.anders@acme.example';
const ALICE = 'alice.anders@acme.example';
const CAROL = 'carol.brown@acme.example';
const risky = (login: string) => `okta:${login}:risky-sign-in`;

describe('templates', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const user = (login: string) => oktaUser(env.sandbox, login);
	const sessions = (login: string) => env.sandbox.state<OktaState>('okta').sessions[user(login).id] ?? [];
	const notes = (correlationId: string) => {
		const [incident] = incidents(env.sandbox, correlationId);
		return incident ? workNotes(env.sandbox, incident.sys_id).map((n) => n.value) : [];
	};
	const seedAnomaly = (login: string, kind = 'highRisk') => sandboxAction(env.sandbox, 'okta', 'seedSignInAnomaly', { login, kind });
	/** Anomalies as the trigger emits them, varied from the template's pinned sample. */
	const anomalies = (...variants: IDataObject[]): INodeExecutionData[] =>
		variants.map((variant, n) => ({
			json: { ...containment.pinData!['Okta Sign-In Anomaly'][0].json, uuid: `test-anomaly-${n}`, ...variant },
		}));
	const runContainment = (items: INodeExecutionData[]) =>
		env.engine.run(containment, { startNode: 'Okta Sign-In Anomaly', mode: 'trigger', items });
	const suspendCalls = () => env.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/lifecycle/suspend'));

	describe('okta-anomaly-to-servicenow', () => {
		it('contains a successful high-risk sign-in and opens one incident; a repeat lands on it as a work note', async () => {
			const flow = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await seedAnomaly(BOB); // before activation: must not be backfilled
			await flow.activate();
			expect((await flow.tick()).emitted).toEqual([]);

			expect(sessions(BOB).length).toBeGreaterThan(0);
			await seedAnomaly(BOB);
			const first = await flow.tick();
			expect(first.emitted).toHaveLength(1);
			expect(user(BOB).status).toBe('SUSPENDED');
			expect(sessions(BOB)).toHaveLength(0);
			const [summary] = outputs(first.run, 'Summary');
			expect(summary).toEqual(
				expect.objectContaining({ user: BOB, risk: 'HIGH', containment: 'suspended', ticket: 'created', incident: expect.stringMatching(/^INC\d{7}$/) }),
			);
			const [incident] = incidents(env.sandbox, risky(BOB));
			expect(incident.number).toBe(summary.incident);
			expect(incident.description).toEqual(expect.stringContaining('IP: 185.220.101.4'));
			expect(incident.description).toEqual(expect.stringContaining('Location: Frankfurt am Main, Germany'));
			expect(incident.description).toEqual(expect.stringContaining('reasons: Anomalous Location, Anomalous Device'));
			expect(incident.description).toEqual(expect.stringContaining(`n8n suspended Okta user <${BOB}>; sessions and OAuth tokens cleared`));
			expect([incident.impact, incident.urgency]).toEqual(['1', '1']);
			// The note the restore template looks for: written by the integration user, starting with what n8n did.
			expect(workNotes(env.sandbox, incident.sys_id)).toEqual([
				expect.objectContaining({ value: expect.stringMatching(new RegExp(`^n8n suspended Okta user <${BOB}>`)), by: 'soc.integration' }),
			]);

			await seedAnomaly(BOB);
			const second = await flow.tick();
			expect(outputs(second.run, 'Summary')).toEqual([expect.objectContaining({ ticket: 'existing', incident: summary.incident, containment: 'alreadySuspended' })]);
			expect(incidents(env.sandbox, risky(BOB))).toHaveLength(1);
			const repeat = notes(risky(BOB)).filter((n) => n.includes('Repeated anomaly'));
			expect(repeat).toEqual([expect.stringMatching(new RegExp(`^Okta user <${BOB}> was already suspended`))]);
		});

		it('clears sessions only for a medium-risk sign-in and leaves the user active', async () => {
			const flow = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await flow.activate();
			await seedAnomaly(ALICE, 'failedSignIns');
			const { run } = await flow.tick();
			expect(run?.executed()).toEqual(expect.arrayContaining(['Clear Sessions Only', 'Sessions Cleared', 'Open or Update Incident']));
			expect(run?.executed()).not.toContain('Suspend User');
			expect(user(ALICE).status).toBe('ACTIVE');
			expect(sessions(ALICE)).toHaveLength(0);
			const open = incidents(env.sandbox, risky(ALICE));
			expect(open).toHaveLength(1);
			expect(open[0].impact).toBe('2');
			// Five failed sign-ins in one poll: one incident, the other four as work notes.
			expect(notes(risky(ALICE)).filter((n) => n.includes('Repeated anomaly'))).toHaveLength(4);
		});

		it('tickets a failed high-risk sign-in and a ThreatInsight detection without suspending anyone', async () => {
			const flow = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await flow.activate();
			await seedAnomaly(ALICE, 'threat');
			const threat = await flow.tick();
			expect(threat.emitted).toEqual([expect.objectContaining({ eventType: 'security.threat.detected', userLogin: ALICE })]);
			const failed = await runContainment(anomalies({ userLogin: BOB, outcome: 'FAILURE' }));

			expect(suspendCalls()).toHaveLength(0);
			expect([user(ALICE).status, user(BOB).status]).toEqual(['ACTIVE', 'ACTIVE']);
			expect(outputs(threat.run, 'Summary')).toEqual([expect.objectContaining({ user: ALICE, containment: 'notAttempted', ticket: 'created' })]);
			expect(outputs(failed, 'Summary')).toEqual([expect.objectContaining({ user: BOB, containment: 'notAttempted', ticket: 'created' })]);
			expect(notes(`okta:${ALICE}:threat`)).toEqual([expect.stringMatching(/^Not contained: a ThreatInsight detection can be caused by anyone/)]);
			expect(notes(risky(BOB))).toEqual([expect.stringMatching(/^Not contained: a sign-in with outcome FAILURE can be caused by anyone/)]);
		});

		it('rides out ServiceNow answering 503 twice', async () => {
			const flow = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await flow.activate();
			await seedAnomaly(BOB);
			env.sandbox.faults.add({ vendor: 'servicenow', kind: 'status', status: 503, times: 2 });
			const { run } = await flow.tick();
			expect(outputs(run, 'Open or Update Incident', 1)).toEqual([]);
			expect(env.sandbox.requests.filter((r) => r.vendor === 'servicenow' && r.status === 503)).toHaveLength(2);
			expect(incidents(env.sandbox, risky(BOB))).toHaveLength(1);
			expect(user(BOB).status).toBe('SUSPENDED');
		});

		it('still tickets a user Okta does not know, saying containment failed, and contains the others', async () => {
			const run = await runContainment(anomalies({ userLogin: BOB }, { userLogin: 'ghost@acme.example', userId: null }, { userLogin: ALICE }));
			expect([user(BOB).status, user(ALICE).status]).toEqual(['SUSPENDED', 'SUSPENDED']);
			expect(outputs(run, 'Summary').map((s) => [s.user, s.containment])).toEqual(
				expect.arrayContaining([[BOB, 'suspended'], [ALICE, 'suspended'], ['ghost@acme.example', 'failed']]),
			);
			expect(incidents(env.sandbox, risky(BOB))).toHaveLength(1);
			expect(incidents(env.sandbox, risky(ALICE))).toHaveLength(1);
			const [ghost] = incidents(env.sandbox, risky('ghost@acme.example'));
			expect(ghost.description).toContain('CONTAINMENT FAILED: n8n could not suspend Okta user <ghost@acme.example>: Okta: Not found');
			expect(ghost.description).toContain('sessions and OAuth tokens NOT cleared');
		});

		it('opens the ticket when Okta refuses the suspension, with Okta\'s reason', async () => {
			env.sandbox.faults.add({ vendor: 'okta', method: 'POST', path: '/lifecycle/suspend$', kind: 'status', status: 403, message: 'You do not have permission to perform the requested action' });
			const run = await runContainment(anomalies({ userLogin: BOB }));
			expect(user(BOB).status).toBe('ACTIVE');
			expect(sessions(BOB)).toHaveLength(0);
			expect(outputs(run, 'Summary')).toEqual([expect.objectContaining({ user: BOB, containment: 'failed', ticket: 'created' })]);
			expect(notes(risky(BOB))).toEqual([
				expect.stringMatching(/^CONTAINMENT FAILED: n8n could not suspend Okta user <bob\.anders@acme\.example>: Okta: You do not have permission.*; sessions and OAuth tokens cleared\./),
			]);
		});

		it('suspends at most 20 users per run; the others get a ticket saying the cap stopped it', async () => {
			const active = env.sandbox.state<OktaState>('okta').users.filter((u) => u.status === 'ACTIVE').slice(0, 22);
			const run = await runContainment(anomalies(...active.map((u) => ({ userLogin: u.profile.login, userId: u.id }))));
			expect(suspendCalls()).toHaveLength(20);
			expect(active.filter((u) => user(u.profile.login).status === 'SUSPENDED')).toHaveLength(20);
			const skipped = outputs(run, 'Summary').filter((s) => s.containment === 'skippedCap');
			expect(skipped.map((s) => s.user)).toEqual(active.slice(20).map((u) => u.profile.login));
			for (const { profile } of active.slice(20)) {
				expect(user(profile.login).status).toBe('ACTIVE');
				expect(notes(risky(profile.login))).toEqual([expect.stringMatching(/^Not contained: more than 20 risky sign-ins in this run/)]);
			}
			expect(outputs(run, 'Summary')).toHaveLength(22);
		});

		it('retries a failed ticket once, then records the alert it could not ticket; other branches go on', async () => {
			// ServiceNow refuses the first three incident inserts: one anomaly fails twice, the next one's retry succeeds.
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', path: '^/api/now/table/incident$', kind: 'status', status: 400, message: 'Insert refused by a business rule', times: 3 });
			const run = await runContainment(anomalies({ userLogin: BOB }, { userLogin: CAROL, riskLevel: 'MEDIUM', outcome: 'FAILURE' }, { userLogin: ALICE, eventType: 'security.threat.detected', riskLevel: null }));

			const [unticketed, ...more] = outputs(run, 'Record Unticketed Alert');
			expect(more).toEqual([]);
			expect(unticketed).toEqual(
				expect.objectContaining({ anomaly: expect.stringMatching(/^test-anomaly-\d$/), failed: 'ServiceNow: Open or Update Incident, twice', error: expect.stringContaining('Insert refused by a business rule') }),
			);
			const ticketed = outputs(run, 'Summary');
			expect(ticketed).toHaveLength(2);
			expect([unticketed.user, ...ticketed.map((s) => s.user)].sort()).toEqual([ALICE, BOB, CAROL].sort());
			expect(outputs(run, 'Retry Open or Update Incident')).toHaveLength(1);
			expect(incidents(env.sandbox).filter((i) => i.correlation_id.startsWith('okta:'))).toHaveLength(2);
			// Containment happened whatever the ticket did.
			expect(user(BOB).status).toBe('SUSPENDED');
			if (unticketed.user === BOB) expect(unticketed.containment).toBe('suspended');
		});

		it('takes no action on a low-risk anomaly and says so', async () => {
			const run = await runContainment(anomalies({ userLogin: BOB, riskLevel: 'LOW' }));
			expect(outputs(run, 'No Action (Low Risk)')).toEqual([expect.objectContaining({ user: BOB, anomaly: 'test-anomaly-0', risk: 'LOW' })]);
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it('runs headless from its Manual Trigger with the sample anomaly', async () => {
			const run = await env.engine.run(containment, { startNode: 'Run Manually' });
			expect(outputs(run, 'Summary')).toEqual([expect.objectContaining({ user: BOB, ticket: 'created', containment: 'suspended' })]);
			expect(user(BOB).status).toBe('SUSPENDED');
		});
	});

	describe('servicenow-resolved-restore-okta', () => {
		/** The anomaly template contains `login` through its trigger, then the restore template starts watching. */
		async function containedThenWatched(login: string, kind = 'highRisk') {
			const contain = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await contain.activate();
			await seedAnomaly(login, kind);
			await contain.tick();
			const watch = new ActiveWorkflow(env.engine, restore, 'Incident Updated');
			await watch.activate();
			// The analyst works the ticket a while later (the trigger starts after the second it was activated in).
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 60 });
			return watch;
		}
		async function resolve(sysId: string, credentials = env.sandbox.credentials('servicenow')) {
			await vendorApiCall(env.sandbox.vendorUrl('servicenow'), credentials, 'servicenow', 'PATCH', `/api/now/table/incident/${sysId}`, {
				state: '6',
				close_code: 'Solution provided',
				close_notes: 'Travel confirmed with the user.',
			});
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		}
		const unsuspendCalls = () => env.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/lifecycle/unsuspend'));
		const ADMIN = { instanceUrl: '', username: 'admin', password: 'sandbox-admin-password' };

		it('unsuspends the user once when our incident is resolved, and notes it on the incident', async () => {
			const watch = await containedThenWatched(BOB);
			const [incident] = incidents(env.sandbox, risky(BOB));
			expect(user(BOB).status).toBe('SUSPENDED');

			await resolve(incident.sys_id);
			const resolved = await watch.tick();
			expect(resolved.emitted).toEqual([expect.objectContaining({ number: incident.number, state: '6' })]);
			expect(resolved.emitted[0].previous_state).not.toBe('6');
			expect(outputs(resolved.run, 'Restored')).toEqual([{ incident: incident.number, user: BOB, result: 'unsuspended' }]);
			expect(user(BOB).status).toBe('ACTIVE');
			expect(notes(risky(BOB)).filter((n) => n.startsWith('Okta access restored'))).toHaveLength(1);

			// The work note is itself an update: the trigger sees it, but the state did not change, so nothing runs again.
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
			const echo = await watch.tick();
			expect(echo.emitted).toEqual([expect.objectContaining({ number: incident.number, previous_state: '6', state_changed: false })]);
			expect(echo.run?.executed()).not.toContain('Unsuspend User');
			expect(notes(risky(BOB)).filter((n) => n.startsWith('Okta access restored'))).toHaveLength(1);
		});

		it('refuses an incident the integration user did not open, even with our prefix', async () => {
			const watch = new ActiveWorkflow(env.engine, restore, 'Incident Updated');
			await watch.activate();
			await vendorCall(env.sandbox, 'okta', 'POST', `/api/v1/users/${BOB}/lifecycle/suspend`);
			const admin = { ...ADMIN, instanceUrl: env.sandbox.vendorUrl('servicenow') };
			const { result: forged } = await vendorApiCall<{ result: IDataObject }>(admin.instanceUrl, admin, 'servicenow', 'POST', '/api/now/table/incident', {
				short_description: `Okta sign-in anomaly: ${BOB}`,
				correlation_id: risky(BOB),
				work_notes: `n8n suspended Okta user <${BOB}>; sessions and OAuth tokens cleared.`,
			});
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 60 });
			await resolve(String(forged.sys_id), admin);
			const { run } = await watch.tick();

			expect(outputs(run, 'Not Opened by n8n')).toEqual([
				expect.objectContaining({ incident: forged.number, reason: 'it was opened by admin, not by the integration user soc.integration' }),
			]);
			expect(unsuspendCalls()).toHaveLength(0);
			expect(user(BOB).status).toBe('SUSPENDED');
		});

		it('leaves a user suspended by someone else, and says why on the incident', async () => {
			// A medium-risk anomaly: n8n opened the incident but suspended nobody; an admin suspends Alice afterwards.
			const watch = await containedThenWatched(ALICE, 'failedSignIns');
			await vendorCall(env.sandbox, 'okta', 'POST', `/api/v1/users/${ALICE}/lifecycle/suspend`);
			const [incident] = incidents(env.sandbox, risky(ALICE));
			await resolve(incident.sys_id);
			const { run } = await watch.tick();

			expect(outputs(run, 'Left As Is')).toEqual([
				expect.objectContaining({ incident: incident.number, user: ALICE, reason: expect.stringContaining('so n8n did not suspend the user for it') }),
			]);
			expect(unsuspendCalls()).toHaveLength(0);
			expect(user(ALICE).status).toBe('SUSPENDED');
			expect(notes(risky(ALICE)).filter((n) => n.startsWith(`n8n did not restore Okta access for <${ALICE}>: no work note by soc.integration`))).toHaveLength(1);
		});

		it('leaves a user whose suspension changed after n8n suspended them', async () => {
			// ServiceNow's clock runs five minutes behind Okta's: n8n's note predates the user's last status change.
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: -300 });
			const watch = await containedThenWatched(BOB);
			const [incident] = incidents(env.sandbox, risky(BOB));
			await resolve(incident.sys_id);
			const { run } = await watch.tick();
			expect(outputs(run, 'Left As Is')).toEqual([expect.objectContaining({ user: BOB, reason: expect.stringMatching(/^the Okta user was suspended again at .* by someone else$/) })]);
			expect(user(BOB).status).toBe('SUSPENDED');
		});

		it('decides each incident resolved in the same poll on its own', async () => {
			const contain = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await contain.activate();
			await seedAnomaly(BOB);
			await seedAnomaly(ALICE, 'failedSignIns');
			await seedAnomaly(CAROL);
			await contain.tick();
			await vendorCall(env.sandbox, 'okta', 'POST', `/api/v1/users/${ALICE}/lifecycle/suspend`);
			const watch = new ActiveWorkflow(env.engine, restore, 'Incident Updated');
			await watch.activate();
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 60 });
			for (const login of [BOB, ALICE, CAROL]) await resolve(incidents(env.sandbox, risky(login))[0].sys_id);
			const { run } = await watch.tick();

			expect(outputs(run, 'Restored').map((r) => r.user).sort()).toEqual([BOB, CAROL]);
			expect(outputs(run, 'Left As Is').map((r) => r.user)).toEqual([ALICE]);
			expect([user(BOB).status, user(ALICE).status, user(CAROL).status]).toEqual(['ACTIVE', 'SUSPENDED', 'ACTIVE']);
		});

		it('records an incident it could not check, and goes on with the next', async () => {
			const contain = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await contain.activate();
			await seedAnomaly(BOB);
			await seedAnomaly(CAROL);
			await contain.tick();
			const watch = new ActiveWorkflow(env.engine, restore, 'Incident Updated');
			await watch.activate();
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 60 });
			for (const login of [BOB, CAROL]) await resolve(incidents(env.sandbox, risky(login))[0].sys_id);
			env.sandbox.faults.add({ vendor: 'okta', method: 'GET', path: '^/api/v1/users/', kind: 'status', status: 403, message: 'You do not have permission to perform the requested action', times: 1 });
			const { run } = await watch.tick();

			const [failed, ...more] = outputs(run, 'Record Not Restored');
			expect(more).toEqual([]);
			expect(failed).toEqual(expect.objectContaining({ result: 'not restored', failed: 'Get Okta User', error: expect.stringContaining('You do not have permission') }));
			const [restored, ...others] = outputs(run, 'Restored');
			expect(others).toEqual([]);
			expect([failed.correlationId, risky(String(restored.user))].sort()).toEqual([risky(BOB), risky(CAROL)].sort());
			expect(user(String(restored.user)).status).toBe('ACTIVE');
			expect(user(String(failed.correlationId).split(':')[1]).status).toBe('SUSPENDED');
		});

		it('runs headless from its Manual Trigger and restores nothing the sandbox does not have', async () => {
			const run = await env.engine.run(restore, { startNode: 'Run Manually' });
			expect(outputs(run, 'Record Not Restored')).toEqual([expect.objectContaining({ incident: 'INC0010042', failed: 'Read Incident' })]);
			expect(unsuspendCalls()).toHaveLength(0);
		});
	});
});
