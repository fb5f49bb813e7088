import type { IDataObject } from 'n8n-workflow';

import { bundledWorkflow } from '../harness';
import { incidents, oktaUser, outputs, workNotes } from './records';
import type { Seeded } from './storm';
import { CAP, CLOSED, expectTriggerHeld, report, stormEnvironment, weatherStorm } from './storm';

/*
 * The anomaly template, activated, through a stormy day: 200+ anomalies for 50 users while a fifth of the requests to
 * Okta and ServiceNow fail in every way the sandbox can fail them (seeded, so a run repeats), the trigger's process
 * restarts once and one poll fails outright. Afterwards every anomaly must be accounted for.
 */

/*
 * Waits run 20 times faster: the nodes still decide every retry and every wait from the vendors' headers exactly as in
 * production (their own tests pin those numbers), but a storm of a few hundred backoffs and rate-limit waits then fits
 * in well under a minute.
 */
const TIME_COMPRESSION = 20;
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return { ...actual, sleep: async (ms: number) => await actual.sleep(ms / TIME_COMPRESSION) };
});

describe('okta-anomaly-to-servicenow under faults', () => {
	const environment = stormEnvironment(600);

	it('accounts for every anomaly: one incident per user and type with the repeats as notes, or a recorded failure', async () => {
		const env = environment();
		const storm = await weatherStorm(env, bundledWorkflow('okta-anomaly-to-servicenow.json'), {
			vendors: ['okta', 'servicenow'],
			users: 50,
			rounds: 12,
			perRound: 16,
			burstRound: 4,
			burstOverCap: 5,
			restartRound: 5,
			failedPollRound: 7,
		});
		const { seeded, runs, users, statusBefore } = storm;
		expect(seeded.length).toBeGreaterThanOrEqual(200);
		expect(new Set(seeded.map((s) => s.login)).size).toBeGreaterThanOrEqual(45);
		expectTriggerHeld(env, storm);

		const unticketed = runs.flatMap((run) => outputs(run, 'Record Unticketed Alert'));
		const key = (s: Seeded) => `okta:${s.login}:${s.kind === 'threat' ? 'threat' : 'risky-sign-in'}`;
		const lost: Seeded[] = [];
		const repeatedNotes: Seeded[] = [];
		for (const anomaly of seeded) {
			const open = incidents(env.sandbox, key(anomaly)).filter((i) => !CLOSED.includes(i.state));
			const notes = open.flatMap((i) => workNotes(env.sandbox, i.sys_id)).filter((n) => n.value.includes(anomaly.uuid));
			const recorded = unticketed.some((u) => u.anomaly === anomaly.uuid && u.user === anomaly.login);
			if (notes.length === 0 && !recorded) lost.push(anomaly);
			if (notes.length > 1) repeatedNotes.push(anomaly);
		}
		expect(lost).toEqual([]);
		expect(repeatedNotes).toEqual([]);

		// One incident per user and anomaly type, ever: none opened twice, none merged away as a duplicate.
		for (const correlationId of new Set(seeded.map(key))) {
			expect(incidents(env.sandbox, correlationId).length).toBeLessThanOrEqual(1);
		}

		// Suspended: the users with a successful risky sign-in, unless containment failed or the cap stopped it and
		// that is on record. Nobody else.
		const contained = new Set(seeded.filter((s) => s.kind === 'highRisk').map((s) => s.login));
		const notContained: string[] = [];
		for (const login of contained) {
			if (oktaUser(env.sandbox, login).status === 'SUSPENDED') continue;
			const [incident] = incidents(env.sandbox, `okta:${login}:risky-sign-in`);
			const onTicket = incident && /CONTAINMENT FAILED|Not contained: more than/.test(incident.description + workNotes(env.sandbox, incident.sys_id).map((n) => n.value).join('\n'));
			const onRecord = unticketed.some((u) => u.user === login && ['failed', 'skippedCap'].includes(String(u.containment)));
			if (!onTicket && !onRecord) notContained.push(login);
		}
		expect(notContained).toEqual([]);
		for (const user of users) {
			if (!contained.has(user.profile.login)) expect(`${user.profile.login}: ${user.status}`).toBe(`${user.profile.login}: ${statusBefore.get(user.profile.login)}`);
		}
		for (const run of runs) expect(outputs(run, 'Within Containment Cap?').length).toBeLessThanOrEqual(CAP);
		expect(runs.some((run) => outputs(run, 'Within Containment Cap?', 1).length > 0)).toBe(true);

		const containment: IDataObject = {};
		for (const summary of runs.flatMap((run) => outputs(run, 'Summary'))) containment[String(summary.containment)] = Number(containment[String(summary.containment)] ?? 0) + 1;
		const retried = runs.flatMap((run) => outputs(run, 'Retry Open or Update Incident')).length;
		report({ maxPollMs: Math.max(...storm.pollDurations), anomalies: seeded.length, requests: env.sandbox.requests.length, failedOrThrottled: storm.injected, ticketRetries: retried, unticketed: unticketed.length, containment });
	}, 120_000);
});
