import type { IDataObject } from 'n8n-workflow';

import type { OktaState } from '../sandbox/vendors/okta/state';
import type { SandboxEngine } from './harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, vendorCall } from './harness';

/** The same files users import, run by n8n's engine against the sandbox. */
const containment = bundledWorkflow('okta-anomaly-to-servicenow.json');
const restore = bundledWorkflow('servicenow-resolved-restore-okta.json');

const BOB = 'bob.anders@acme.example';
const ALICE = 'alice.anders@acme.example';

describe('templates', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const okta = () => env.sandbox.state<OktaState>('okta');
	const oktaUser = (login: string) => okta().users.find((u) => u.profile.login === login)!;
	const incidents = (correlationId: string) =>
		vendorCall<{ result: IDataObject[] }>(
			env.sandbox,
			'servicenow',
			'GET',
			`/api/now/table/incident?sysparm_query=${encodeURIComponent(`correlation_id=${correlationId}`)}`,
		).then((r) => r.result);
	const workNotes = (sysId: string) =>
		vendorCall<{ result: IDataObject[] }>(
			env.sandbox,
			'servicenow',
			'GET',
			`/api/now/table/sys_journal_field?sysparm_query=${encodeURIComponent(`element_id=${sysId}^element=work_notes`)}`,
		).then((r) => r.result.map((n) => String(n.value)));
	const seedAnomaly = (login: string, kind = 'highRisk') =>
		sandboxAction(env.sandbox, 'okta', 'seedSignInAnomaly', { login, kind });

	describe('okta-anomaly-to-servicenow', () => {
		it('contains a high-risk sign-in and opens one incident; a repeat lands on it as a work note', async () => {
			const flow = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await seedAnomaly(BOB); // before activation: must not be backfilled
			await flow.activate();
			expect((await flow.tick()).emitted).toEqual([]);

			const sessionsBefore = okta().sessions[oktaUser(BOB).id].length;
			expect(sessionsBefore).toBeGreaterThan(0);
			await seedAnomaly(BOB);
			const first = await flow.tick();
			expect(first.emitted).toHaveLength(1);
			expect(first.run?.error('Open or Update Incident')).toBeUndefined();
			expect(oktaUser(BOB).status).toBe('SUSPENDED');
			expect(okta().sessions[oktaUser(BOB).id] ?? []).toHaveLength(0);
			const [summary] = first.run!.json('Summary');
			expect(summary).toEqual(
				expect.objectContaining({ user: BOB, risk: 'HIGH', ticket: 'created', incident: expect.stringMatching(/^INC\d{7}$/) }),
			);
			const [incident] = await incidents(`okta:${BOB}:risky-sign-in`);
			expect(incident.number).toBe(summary.incident);
			expect(incident.description).toEqual(expect.stringContaining('IP: 185.220.101.4'));
			expect(incident.description).toEqual(expect.stringContaining('Location: Frankfurt am Main, Germany'));
			expect(incident.description).toEqual(expect.stringContaining('reasons: Anomalous Location, Anomalous Device'));
			expect(incident.description).toEqual(expect.stringContaining('New Geo-Location'));
			expect(incident.description).toEqual(expect.stringContaining('user suspended (suspended)'));
			expect([incident.impact, incident.urgency]).toEqual(['1', '1']);

			await seedAnomaly(BOB);
			const second = await flow.tick();
			expect(second.run!.json('Summary')[0]).toEqual(expect.objectContaining({ ticket: 'existing', incident: summary.incident }));
			expect(await incidents(`okta:${BOB}:risky-sign-in`)).toHaveLength(1);
			const notes = await workNotes(String(incident.sys_id));
			expect(notes.some((n) => n.startsWith('Repeated anomaly') && n.includes('alreadySuspended'))).toBe(true);
		});

		it('clears sessions only for a medium-risk sign-in and leaves the user active', async () => {
			const flow = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await flow.activate();
			await seedAnomaly(ALICE, 'failedSignIns');
			const { run } = await flow.tick();
			expect(run?.executed()).toEqual(expect.arrayContaining(['Clear Sessions Only', 'Open or Update Incident']));
			expect(run?.executed()).not.toContain('Suspend User');
			expect(oktaUser(ALICE).status).toBe('ACTIVE');
			expect(okta().sessions[oktaUser(ALICE).id] ?? []).toHaveLength(0);
			const open = await incidents(`okta:${ALICE}:risky-sign-in`);
			expect(open).toHaveLength(1);
			expect(open[0].impact).toBe('2');
			// Five failed sign-ins in one poll: one incident, the other four as work notes.
			expect((await workNotes(String(open[0].sys_id))).filter((n) => n.startsWith('Repeated anomaly'))).toHaveLength(4);
		});

		it('rides out ServiceNow answering 503 twice', async () => {
			const flow = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			await flow.activate();
			await seedAnomaly(BOB);
			env.sandbox.faults.add({ vendor: 'servicenow', kind: 'status', status: 503, times: 2 });
			const { run } = await flow.tick();
			expect(run?.error('Open or Update Incident')).toBeUndefined();
			expect(env.sandbox.requests.filter((r) => r.vendor === 'servicenow' && r.status === 503)).toHaveLength(2);
			expect(await incidents(`okta:${BOB}:risky-sign-in`)).toHaveLength(1);
			expect(oktaUser(BOB).status).toBe('SUSPENDED');
		});

		it('contains and tickets two users when the third does not exist in Okta, and names the third', async () => {
			const event = (login: string, userId: string | null) => ({
				json: { ...containment.pinData!['Okta Sign-In Anomaly'][0].json, userLogin: login, userId, riskLevel: 'HIGH' },
			});
			const run = await env.engine.run(containment, {
				startNode: 'Okta Sign-In Anomaly',
				mode: 'trigger',
				items: [event(BOB, oktaUser(BOB).id), event('ghost@acme.example', null), event(ALICE, oktaUser(ALICE).id)],
			});
			expect(oktaUser(BOB).status).toBe('SUSPENDED');
			expect(oktaUser(ALICE).status).toBe('SUSPENDED');
			expect(run.json('Summary').map((s) => s.user)).toEqual([BOB, ALICE]);
			expect(await incidents(`okta:${BOB}:risky-sign-in`)).toHaveLength(1);
			expect(await incidents(`okta:${ALICE}:risky-sign-in`)).toHaveLength(1);
			expect(await incidents('okta:ghost@acme.example:risky-sign-in')).toHaveLength(0);
			const [failed] = run.json('Record Failed Action');
			expect(failed).toEqual(expect.objectContaining({ user: 'ghost@acme.example', status: 'failed' }));
			expect(failed.error).toContain('ghost@acme.example');
		});

		it('runs headless from its Manual Trigger with the sample anomaly', async () => {
			const run = await env.engine.run(containment, { startNode: 'Run Manually' });
			expect(run.json('Summary')).toEqual([expect.objectContaining({ user: BOB, ticket: 'created' })]);
			expect(oktaUser(BOB).status).toBe('SUSPENDED');
		});
	});

	describe('servicenow-resolved-restore-okta', () => {
		it('unsuspends the user once when our incident is resolved, and notes it on the incident', async () => {
			const contain = new ActiveWorkflow(env.engine, containment, 'Okta Sign-In Anomaly');
			const restoreFlow = new ActiveWorkflow(env.engine, restore, 'Incident Updated');
			await contain.activate();
			await seedAnomaly(BOB);
			await contain.tick();
			await restoreFlow.activate();
			// The analyst works the ticket a while later (the trigger starts after the second it was activated in).
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 60 });
			const [incident] = await incidents(`okta:${BOB}:risky-sign-in`);
			expect(oktaUser(BOB).status).toBe('SUSPENDED');

			await vendorCall(env.sandbox, 'servicenow', 'PATCH', `/api/now/table/incident/${incident.sys_id}`, {
				state: '6',
				close_code: 'Solution provided',
				close_notes: 'Travel confirmed with the user.',
			});
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
			const resolved = await restoreFlow.tick();
			expect(resolved.emitted).toEqual([expect.objectContaining({ number: incident.number, state: '6' })]);
			expect(resolved.emitted[0].previous_state).not.toBe('6');
			expect(resolved.run?.json('Unsuspend User')[0]).toEqual(expect.objectContaining({ outcome: 'unsuspended' }));
			expect(oktaUser(BOB).status).toBe('ACTIVE');
			const notes = await workNotes(String(incident.sys_id));
			expect(notes.filter((n) => n.startsWith('Okta access restored'))).toHaveLength(1);

			// The work note is itself an update: the trigger sees it, but the state did not change, so nothing runs again.
			await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
			const echo = await restoreFlow.tick();
			expect(echo.emitted).toEqual([expect.objectContaining({ number: incident.number, previous_state: '6', state_changed: false })]);
			expect(echo.run?.executed()).not.toContain('Unsuspend User');
			expect((await workNotes(String(incident.sys_id))).filter((n) => n.startsWith('Okta access restored'))).toHaveLength(1);
		});
	});
});
