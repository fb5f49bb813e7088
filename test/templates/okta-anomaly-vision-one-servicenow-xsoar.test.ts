import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { OktaState } from '../../sandbox/vendors/okta/state';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import { incidents, oktaEventsAbout, oktaUser, outputs, warRoomEntries, workNotes, xsoarIncidents } from '../chaos/records';
import type { SandboxEngine } from '../harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, vendorCall, withSettings } from '../harness';

/** The flagship as users import it, run by n8n's engine against the sandbox (Okta, Vision One, ServiceNow, XSOAR). */
const flagship = bundledWorkflow('okta-anomaly-vision-one-servicenow-xsoar.json');

const BOB = 'bob.anders@acme.example';
const ALICE = 'alice.anders@acme.example';
const CAROL = 'carol.brown@acme.example';
const risky = (login: string) => `v1okta:${login}:risky-sign-in`;
const MARKER = (login: string) => `n8n disabled Okta account <${login}> through Vision One`;

describe('okta-anomaly-vision-one-servicenow-xsoar', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const user = (login: string) => oktaUser(env.sandbox, login);
	const sessions = (login: string) => env.sandbox.state<OktaState>('okta').sessions[user(login).id] ?? [];
	const notes = (correlationId: string) => {
		const [incident] = incidents(env.sandbox, correlationId);
		return incident ? workNotes(env.sandbox, incident.sys_id) : [];
	};
	const entriesFor = (key: string) => xsoarIncidents(env.sandbox, key).flatMap((incident) => warRoomEntries(env.sandbox, incident.id));
	const seedAnomaly = (login: string, kind = 'highRisk') => sandboxAction(env.sandbox, 'okta', 'seedSignInAnomaly', { login, kind });
	/** Vision One tasks finish at their first read: the tests about routing need not wait a second per task. */
	const quickTasks = () => sandboxAction(env.sandbox, 'visionone', 'taskTiming', { startPolls: 1, finishPolls: 1 });
	const anomalies = (...variants: IDataObject[]): INodeExecutionData[] =>
		variants.map((variant, n) => ({ json: { ...flagship.pinData!['Okta Sign-In Anomaly'][0].json, uuid: `test-anomaly-${n}`, ...variant } }));
	const run = (items: INodeExecutionData[], workflow = flagship) => env.engine.run(workflow, { startNode: 'Okta Sign-In Anomaly', mode: 'trigger', items });
	const visionOneCalls = (action: string) => env.sandbox.requests.filter((r) => r.vendor === 'visionone' && r.method === 'POST' && r.path.endsWith(`/domainAccounts/${action}`));
	const tasks = () => env.sandbox.state<VisionOneState>('visionone').tasks;

	it('disables the account through Vision One, opens one ServiceNow and one XSOAR incident, linked; a repeat adds notes only', async () => {
		const flow = new ActiveWorkflow(env.engine, flagship, 'Okta Sign-In Anomaly');
		await seedAnomaly(BOB); // before activation: must not be backfilled
		await flow.activate();
		expect((await flow.tick()).emitted).toEqual([]);

		expect(sessions(BOB).length).toBeGreaterThan(0);
		const [seeded] = (await seedAnomaly(BOB)).uuids as string[];
		const first = await flow.tick();
		expect(first.emitted).toEqual([expect.objectContaining({ uuid: seeded, userLogin: BOB })]);
		expect(first.run?.run.data.resultData.error).toBeUndefined();

		// Okta: suspended and signed out, by Vision One (its actor in the System Log), not by an Okta call of n8n's.
		expect(user(BOB).status).toBe('SUSPENDED');
		expect(sessions(BOB)).toHaveLength(0);
		expect(oktaEventsAbout(env.sandbox, user(BOB).id)).toEqual(
			expect.arrayContaining([{ eventType: 'user.session.clear', actor: 'Trend Vision One' }, { eventType: 'user.lifecycle.suspend', actor: 'Trend Vision One' }]),
		);
		expect(env.sandbox.requests.filter((r) => r.vendor === 'okta' && r.method === 'POST')).toEqual([]);

		const [summary] = outputs(first.run, 'Summary');
		expect(summary).toEqual(
			expect.objectContaining({ user: BOB, containment: 'disabled', ticket: 'created', xsoar: 'created', incident: expect.stringMatching(/^INC\d{7}$/), link: 'noted on the ticket' }),
		);
		expect(tasks().peek(String(summary.visionOneTask))).toEqual(expect.objectContaining({ status: 'succeeded' }));

		const [incident, ...moreTickets] = incidents(env.sandbox, risky(BOB));
		expect(moreTickets).toEqual([]);
		expect(incident.number).toBe(summary.incident);
		expect(incident.description).toContain(`${MARKER(BOB)} (task ${String(summary.visionOneTask)} succeeded); sessions signed out`);
		expect(notes(risky(BOB))).toEqual([
			expect.objectContaining({ value: expect.stringMatching(new RegExp(`^${MARKER(BOB)}`)), by: 'soc.integration' }),
			expect.objectContaining({ value: `XSOAR incident ${String(summary.xsoarIncident)} (created) tracks this ticket; external key ${risky(BOB)}.` }),
		]);

		const [xsoar, ...moreXsoar] = xsoarIncidents(env.sandbox, risky(BOB));
		expect(moreXsoar).toEqual([]);
		expect(xsoar).toEqual(expect.objectContaining({ id: summary.xsoarIncident, severity: 3, status: 1, labels: expect.arrayContaining([{ type: 'ServiceNow Incident', value: incident.number }]) }));
		expect(xsoar.name).toContain(`[ServiceNow ${incident.number}]`);
		expect(warRoomEntries(env.sandbox, xsoar.id)).toEqual([
			expect.stringMatching(new RegExp(`^\\*\\*Okta event\\*\\* \`${seeded}\`[\\s\\S]*"ipAddress"`)),
			expect.stringContaining(`Response task: \`${String(summary.visionOneTask)}\` (succeeded)`),
		]);

		const [repeat] = (await seedAnomaly(BOB)).uuids as string[];
		const second = await flow.tick();
		expect(outputs(second.run, 'Summary')).toEqual([
			expect.objectContaining({ containment: 'alreadySuspended', ticket: 'existing', incident: incident.number, xsoar: 'existing', xsoarIncident: xsoar.id, link: 'already linked' }),
		]);
		expect(visionOneCalls('disable')).toHaveLength(1);
		expect(incidents(env.sandbox, risky(BOB))).toHaveLength(1);
		expect(xsoarIncidents(env.sandbox, risky(BOB))).toHaveLength(1);
		expect(notes(risky(BOB)).filter((n) => n.value.includes('Repeated anomaly'))).toEqual([
			expect.objectContaining({ value: expect.stringMatching(new RegExp(`^Okta account <${BOB}> was already suspended.*${repeat}`)) }),
		]);
		expect(warRoomEntries(env.sandbox, xsoar.id).slice(2)).toEqual([
			expect.stringContaining(`Repeated anomaly for **${BOB}** (Okta event \`${repeat}\`), ServiceNow ${incident.number}`),
			expect.stringContaining(repeat),
			expect.stringContaining('Containment: `alreadySuspended`'),
		]);
	});

	it('signs a medium-risk account out through Vision One and leaves it active; five attempts, one incident each side', async () => {
		await quickTasks();
		const flow = new ActiveWorkflow(env.engine, flagship, 'Okta Sign-In Anomaly');
		await flow.activate();
		await seedAnomaly(ALICE, 'failedSignIns');
		const { run: medium } = await flow.tick();
		expect(medium?.executed()).toEqual(expect.arrayContaining(['Force Sign Out Only', 'Signed Out']));
		expect(visionOneCalls('disable')).toHaveLength(0);
		expect(user(ALICE).status).toBe('ACTIVE');
		expect(sessions(ALICE)).toHaveLength(0);
		const [incident, ...more] = incidents(env.sandbox, risky(ALICE));
		expect(more).toEqual([]);
		expect(incident.impact).toBe('2');
		expect(notes(risky(ALICE)).filter((n) => n.value.includes('Repeated anomaly'))).toHaveLength(4);
		expect(xsoarIncidents(env.sandbox, risky(ALICE))).toEqual([expect.objectContaining({ severity: 2 })]);
		expect(entriesFor(risky(ALICE)).filter((e) => e.startsWith('Repeated anomaly'))).toHaveLength(4);
		expect(outputs(medium, 'Summary').map((s) => s.containment)).toEqual(Array(5).fill('signedOut'));
	});

	it('tickets a failed high-risk sign-in and a ThreatInsight detection without touching the account', async () => {
		const flow = new ActiveWorkflow(env.engine, flagship, 'Okta Sign-In Anomaly');
		await flow.activate();
		await seedAnomaly(ALICE, 'threat');
		const threat = await flow.tick();
		const failed = await run(anomalies({ userLogin: BOB, outcome: 'FAILURE' }));

		expect(env.sandbox.requests.filter((r) => r.vendor === 'visionone')).toEqual([]);
		expect([user(ALICE).status, user(BOB).status]).toEqual(['ACTIVE', 'ACTIVE']);
		expect(outputs(threat.run, 'Summary')).toEqual([expect.objectContaining({ user: ALICE, containment: 'notAttempted', ticket: 'created', xsoar: 'created' })]);
		expect(outputs(failed, 'Summary')).toEqual([expect.objectContaining({ user: BOB, containment: 'notAttempted', ticket: 'created', xsoar: 'created' })]);
		expect(notes(`v1okta:${ALICE}:threat`)[0].value).toMatch(/^Not contained: a ThreatInsight detection can be caused by anyone/);
		expect(xsoarIncidents(env.sandbox, `v1okta:${ALICE}:threat`)).toHaveLength(1);
		expect(notes(risky(BOB))[0].value).toMatch(/^Not contained: a sign-in with outcome FAILURE can be caused by anyone/);
	});

	it('leaves an account someone else suspended, and writes no disable note for it', async () => {
		await vendorCall(env.sandbox, 'okta', 'POST', `/api/v1/users/${BOB}/lifecycle/suspend`);
		const result = await run(anomalies({ userLogin: BOB }));
		expect(visionOneCalls('signOut')).toHaveLength(0);
		expect(visionOneCalls('disable')).toHaveLength(0);
		expect(outputs(result, 'Summary')).toEqual([expect.objectContaining({ containment: 'alreadySuspended', ticket: 'created', xsoar: 'created' })]);
		expect(notes(risky(BOB)).filter((n) => n.value.startsWith(MARKER(BOB)))).toEqual([]);
	});

	it('tickets containment Vision One refuses, or whose task fails, with the reason; no disable note', async () => {
		await quickTasks();
		env.sandbox.faults.add({ vendor: 'visionone', method: 'POST', path: '/domainAccounts/disable$', kind: 'status', status: 403, message: 'The API key role lacks Response Management', times: 1 });
		// Carol is deactivated in Okta: Vision One's task to disable her fails.
		await vendorCall(env.sandbox, 'okta', 'POST', `/api/v1/users/${CAROL}/lifecycle/deactivate`);
		const result = await run(anomalies({ userLogin: BOB }, { userLogin: CAROL }, { userLogin: 'ghost@acme.example', userId: null }));

		expect(user(BOB).status).toBe('ACTIVE');
		expect(sessions(BOB)).toHaveLength(0); // the sign-out before the refused disable still happened
		const summaries = outputs(result, 'Summary');
		expect(summaries.map((s) => [s.user, s.containment, s.ticket, s.xsoar])).toEqual(
			expect.arrayContaining([
				[BOB, 'failed', 'created', 'created'],
				[CAROL, 'failed', 'created', 'created'],
				['ghost@acme.example', 'failed', 'created', 'created'],
			]),
		);
		expect(notes(risky(BOB))[0].value).toMatch(/^CONTAINMENT FAILED: n8n could not disable Okta account <bob\.anders@acme\.example>: Vision One: .*lacks Response Management.*; sessions signed out/);
		expect(notes(risky(CAROL))[0].value).toMatch(/^CONTAINMENT FAILED: .*DEPROVISIONED and cannot be disabled/);
		expect(notes(risky('ghost@acme.example'))[0].value).toMatch(/^CONTAINMENT FAILED: n8n could not read Okta user <ghost@acme\.example> \(Okta: Not found/);
		for (const login of [BOB, CAROL, 'ghost@acme.example']) {
			expect(notes(risky(login)).filter((n) => n.value.startsWith(MARKER(login)))).toEqual([]);
			expect(entriesFor(risky(login)).some((e) => e.includes('Containment: `failed`'))).toBe(true);
		}
	});

	it('says containment is unconfirmed when the Vision One task outlasts the wait, with its task ID', async () => {
		await sandboxAction(env.sandbox, 'visionone', 'taskTiming', { startPolls: 1, finishPolls: 1000, finishMs: 3_600_000 });
		const result = await run(anomalies({ userLogin: BOB }), withSettings(flagship, { visionOneWaitSeconds: 1 }));
		const [summary] = outputs(result, 'Summary');
		expect(summary).toEqual(expect.objectContaining({ containment: 'unconfirmed', visionOneTask: expect.stringMatching(/^\d{8}$/) }));
		expect(notes(risky(BOB))[0].value).toMatch(new RegExp(`^CONTAINMENT UNCONFIRMED: the Vision One task ${String(summary.visionOneTask)} to disable Okta account <${BOB}> was still running after 1 s`));
	});

	it('disables at most 20 accounts per run; the others get a ticket saying the cap stopped it', async () => {
		await quickTasks();
		const active = env.sandbox.state<OktaState>('okta').users.filter((u) => u.status === 'ACTIVE').slice(0, 22);
		const result = await run(anomalies(...active.map((u) => ({ userLogin: u.profile.login, userId: u.id }))));
		expect(visionOneCalls('disable')).toHaveLength(20);
		expect(active.filter((u) => user(u.profile.login).status === 'SUSPENDED')).toHaveLength(20);
		for (const { profile } of active.slice(20)) {
			expect(user(profile.login).status).toBe('ACTIVE');
			expect(notes(risky(profile.login))[0].value).toMatch(/^Not contained: more than 20 risky sign-ins in this run/);
			expect(xsoarIncidents(env.sandbox, risky(profile.login))).toHaveLength(1);
		}
		expect(outputs(result, 'Summary')).toHaveLength(22);
	}, 60_000);

	it('retries a failed ticket once, then records the alert, and XSOAR still gets it', async () => {
		await quickTasks();
		env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', path: '^/api/now/table/incident$', kind: 'status', status: 400, message: 'Insert refused by a business rule', times: 3 });
		const result = await run(anomalies({ userLogin: BOB }, { userLogin: CAROL, riskLevel: 'MEDIUM', outcome: 'FAILURE' }, { userLogin: ALICE, eventType: 'security.threat.detected', riskLevel: null }));

		const [unticketed, ...more] = outputs(result, 'Record Unticketed Alert');
		expect(more).toEqual([]);
		expect(unticketed).toEqual(expect.objectContaining({ failed: 'ServiceNow: Open or Update Incident, twice', error: expect.stringContaining('Insert refused by a business rule') }));
		const summaries = outputs(result, 'Summary');
		expect(summaries).toHaveLength(3);
		expect(summaries.find((s) => s.user === unticketed.user)).toEqual(expect.objectContaining({ ticket: 'failed', incident: '', xsoar: 'created' }));
		// The XSOAR incident of the unticketed alert says so; its key is the correlation ID, so a repeat will find it.
		const [xsoar] = xsoarIncidents(env.sandbox, String(unticketed.correlationId));
		expect(xsoar.details).toContain('ServiceNow incident: none: opening it failed');
		expect(user(BOB).status).toBe('SUSPENDED');
	});

	it('notes an XSOAR failure on the ticket; with ServiceNow down too, records it', async () => {
		await quickTasks();
		env.sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/incidents/search$', kind: 'status', status: 400, message: 'Search index unavailable', times: 2 });
		const first = await run(anomalies({ userLogin: BOB }));
		expect(outputs(first, 'XSOAR Failure Noted')).toEqual([expect.objectContaining({ user: BOB, failed: 'XSOAR: Find or Create XSOAR Incident, twice', error: expect.stringContaining('Search index unavailable') })]);
		expect(xsoarIncidents(env.sandbox, risky(BOB))).toEqual([]);
		expect(notes(risky(BOB)).map((n) => n.value)).toEqual([
			expect.stringMatching(new RegExp(`^${MARKER(BOB)}`)),
			expect.stringMatching(new RegExp(`^XSOAR FAILED: XSOAR: Find or Create XSOAR Incident, twice for this alert: .*Search index unavailable.*No XSOAR incident was found or opened; open one by hand \\(external key ${risky(BOB)}\\)`)),
		]);

		env.sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '/entry$', kind: 'status', status: 400, message: 'Entry refused', times: 1 });
		const entryFailed = await run(anomalies({ userLogin: ALICE }));
		expect(outputs(entryFailed, 'XSOAR Failure Noted')).toEqual([expect.objectContaining({ failed: 'XSOAR: Add Okta Event Entry' })]);
		expect(notes(risky(ALICE)).some((n) => /^XSOAR FAILED: XSOAR: Add Okta Event Entry .* XSOAR incident \d+ misses this entry\./.test(n.value))).toBe(true);

		env.sandbox.faults.add({ vendor: 'servicenow', kind: 'status', status: 400, message: 'Instance in maintenance' });
		env.sandbox.faults.add({ vendor: 'xsoar', kind: 'status', status: 400, message: 'XSOAR in maintenance' });
		const both = await run(anomalies({ userLogin: CAROL }));
		expect(outputs(both, 'Record Unticketed Alert')).toEqual([expect.objectContaining({ user: CAROL, containment: 'disabled' })]);
		expect(outputs(both, 'Record XSOAR Failure')).toEqual([
			expect.objectContaining({ user: CAROL, containment: 'disabled', error: expect.stringContaining('XSOAR in maintenance'), noteError: 'no ServiceNow incident to note it on' }),
		]);
		expect(user(CAROL).status).toBe('SUSPENDED');
	});

	it('takes no action on a low-risk anomaly and says so', async () => {
		const result = await run(anomalies({ userLogin: BOB, riskLevel: 'LOW' }));
		expect(outputs(result, 'No Action (Low Risk)')).toEqual([expect.objectContaining({ user: BOB, anomaly: 'test-anomaly-0', risk: 'LOW' })]);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('runs headless from its Manual Trigger with the sample anomaly', async () => {
		await quickTasks();
		const result = await env.engine.run(flagship, { startNode: 'Run Manually' });
		expect(outputs(result, 'Summary')).toEqual([expect.objectContaining({ user: BOB, ticket: 'created', containment: 'disabled', xsoar: 'created' })]);
		expect(user(BOB).status).toBe('SUSPENDED');
	});
});
