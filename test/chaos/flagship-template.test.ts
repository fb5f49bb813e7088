import type { IDataObject } from 'n8n-workflow';

import { bundledWorkflow } from '../harness';
import { incidents, oktaUser, outputs, warRoomEntries, workNotes, xsoarIncidents } from './records';
import type { Seeded } from './storm';
import { CAP, CLOSED, expectTriggerHeld, report, stormEnvironment, weatherStorm } from './storm';

/*
 * The flagship (Okta → Vision One → ServiceNow → XSOAR), activated, through a stormy day: anomalies for 40 users while
 * a fifth of the requests to all four vendors fail in every way the sandbox can fail them (seeded, so a run repeats),
 * the trigger's process restarts once and one poll fails outright. Afterwards every anomaly must be on a ServiceNow
 * incident or a Record item, and in XSOAR or on a note saying XSOAR failed; no incident opened twice on either side.
 */

/* Waits run 20 times faster (as in anomaly-template.test.ts): Vision One task waits and every backoff included. */
const TIME_COMPRESSION = 20;
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return { ...actual, sleep: async (ms: number) => await actual.sleep(ms / TIME_COMPRESSION) };
});

const VENDORS = ['okta', 'visionone', 'servicenow', 'xsoar'];

describe('okta-anomaly-vision-one-servicenow-xsoar under faults', () => {
	const environment = stormEnvironment(400);

	it('loses no anomaly and opens no duplicate in ServiceNow or XSOAR', async () => {
		const env = environment();
		const storm = await weatherStorm(env, bundledWorkflow('okta-anomaly-vision-one-servicenow-xsoar.json'), {
			vendors: VENDORS,
			users: 40,
			rounds: 8,
			perRound: 10,
			burstRound: 3,
			burstOverCap: 3,
			restartRound: 4,
			failedPollRound: 6,
		});
		const { seeded, runs, users, statusBefore, injected } = storm;
		expect(seeded.length).toBeGreaterThanOrEqual(100);
		expectTriggerHeld(env, storm);
		for (const vendor of VENDORS) expect(env.sandbox.requests.filter((r) => r.vendor === vendor && (r.status === -1 || r.status >= 500)).length).toBeGreaterThan(0);

		const all = (node: string, output = 0) => runs.flatMap((run) => outputs(run, node, output));
		const unticketed = all('Record Unticketed Alert');
		const xsoarFailed = all('Record XSOAR Failure');
		const key = (s: Seeded) => `v1okta:${s.login}:${s.kind === 'threat' ? 'threat' : 'risky-sign-in'}`;
		const notesOf = (correlationId: string) => incidents(env.sandbox, correlationId).flatMap((i) => workNotes(env.sandbox, i.sys_id));

		const lostInServiceNow: Seeded[] = [];
		const lostInXsoar: Seeded[] = [];
		const repeatedNotes: Seeded[] = [];
		for (const anomaly of seeded) {
			const open = incidents(env.sandbox, key(anomaly)).filter((i) => !CLOSED.includes(i.state));
			const notes = open.flatMap((i) => workNotes(env.sandbox, i.sys_id)).filter((n) => n.value.includes(anomaly.uuid));
			const ticketNotes = notes.filter((n) => !n.value.startsWith('XSOAR FAILED'));
			if (ticketNotes.length === 0 && !unticketed.some((u) => u.anomaly === anomaly.uuid)) lostInServiceNow.push(anomaly);
			if (ticketNotes.length > 1) repeatedNotes.push(anomaly);

			const inXsoar = xsoarIncidents(env.sandbox, key(anomaly)).some((i) => i.details.includes(anomaly.uuid) || warRoomEntries(env.sandbox, i.id).some((e) => e.includes(anomaly.uuid)));
			const xsoarFailureNoted = notes.some((n) => n.value.startsWith('XSOAR FAILED')) || xsoarFailed.some((f) => f.anomaly === anomaly.uuid);
			if (!inXsoar && !xsoarFailureNoted) lostInXsoar.push(anomaly);
		}
		expect(lostInServiceNow).toEqual([]);
		expect(lostInXsoar).toEqual([]);
		expect(repeatedNotes).toEqual([]);

		// One incident per user and anomaly type on each side, ever: none opened twice.
		for (const correlationId of new Set(seeded.map(key))) {
			expect(`${correlationId}: ${incidents(env.sandbox, correlationId).length}`).toMatch(/: [01]$/);
			expect(`${correlationId}: ${xsoarIncidents(env.sandbox, correlationId).length}`).toMatch(/: [01]$/);
		}

		// Disabled: the users with a successful risky sign-in, unless containment failed, stayed unconfirmed or the cap
		// stopped it and that is on record. Nobody else.
		const contained = new Set(seeded.filter((s) => s.kind === 'highRisk').map((s) => s.login));
		const notContained: string[] = [];
		for (const login of contained) {
			if (oktaUser(env.sandbox, login).status === 'SUSPENDED') continue;
			const [incident] = incidents(env.sandbox, `v1okta:${login}:risky-sign-in`);
			const onTicket = incident && /CONTAINMENT (FAILED|UNCONFIRMED)|Not contained: more than/.test(incident.description + notesOf(incident.correlation_id).map((n) => n.value).join('\n'));
			const onRecord = unticketed.some((u) => u.user === login && ['failed', 'unconfirmed', 'skippedCap'].includes(String(u.containment)));
			if (!onTicket && !onRecord) notContained.push(login);
		}
		expect(notContained).toEqual([]);
		for (const user of users) {
			if (!contained.has(user.profile.login)) expect(`${user.profile.login}: ${user.status}`).toBe(`${user.profile.login}: ${statusBefore.get(user.profile.login)}`);
		}
		for (const run of runs) expect(outputs(run, 'Within Containment Cap?').length).toBeLessThanOrEqual(CAP);
		expect(runs.some((run) => outputs(run, 'Within Containment Cap?', 1).length > 0)).toBe(true);

		const containment: IDataObject = {};
		for (const summary of all('Summary')) containment[String(summary.containment)] = Number(containment[String(summary.containment)] ?? 0) + 1;
		report({
			anomalies: seeded.length,
			requests: env.sandbox.requests.length,
			failedOrThrottled: injected,
			maxPollMs: Math.max(...storm.pollDurations),
			ticketRetries: all('Retry Open or Update Incident').length + all('Retry Open or Update Incident', 1).length,
			xsoarRetries: all('Retry Find or Create XSOAR Incident').length + all('Retry Find or Create XSOAR Incident', 1).length,
			unticketed: unticketed.length,
			xsoarFailuresNoted: all('XSOAR Failure Noted').length,
			xsoarFailuresRecorded: xsoarFailed.length,
			containment,
		});
	}, 120_000);
});
