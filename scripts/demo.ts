/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only demo runner, runs in plain Node */
// First: sets n8n-core's environment (throwaway user folder, silent logs) before n8n-core is imported.
import '../test/setup-env';

import process from 'node:process';

import type { OktaState } from '../sandbox/vendors/okta/state';
import type { VisionOneState } from '../sandbox/vendors/visionone/state';
import { incidents, oktaEventsAbout, oktaUser, outputs, warRoomEntries, workNotes, xsoarIncidents } from '../test/chaos/records';
import type { RunResult } from '../test/harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, vendorCall } from '../test/harness';

/**
 * `npm run demo`: the flagship run by n8n's own engine against the local sandbox. A successful risky Okta sign-in is
 * contained by Trend Vision One (Force Sign Out, Disable on the Okta account), ticketed in ServiceNow by correlation
 * ID and opened in Cortex XSOAR linked to the ticket; a repeat lands on both as notes; a medium-risk one is only
 * signed out; a containment Vision One refuses is still ticketed; resolving the ticket as verified re-enables only
 * the account n8n disabled and closes its XSOAR incident. Every effect is checked in the vendors' sandbox state;
 * exits 1 on any miss.
 */

const BOB = 'bob.anders@acme.example';
const ALICE = 'alice.anders@acme.example';
const CAROL = 'carol.brown@acme.example';
const risky = (login: string) => `v1okta:${login}:risky-sign-in`;
const VISION_ONE = 'Trend Vision One';
const failures: string[] = [];
const out = (line = '') => process.stdout.write(`${line}\n`);
const expectThat = (ok: boolean, what: string) => {
	if (!ok) failures.push(what);
	out(`   ${ok ? '✔' : '✘'} ${what}`);
};

/** What each branch of the templates' decisions means, in words. */
const ROUTES: Record<string, string[]> = {
	'Route by Risk': [
		'a successful high-risk sign-in: contain it',
		'an outsider could have caused it: ticket only',
		'medium risk: Force Sign Out only',
		'low risk: no action',
	],
	'Just Resolved?': ['just resolved', 'another kind of update: nothing to do'],
};

async function main(): Promise<void> {
	const { sandbox, engine } = await startSandboxEngine();
	try {
		const flagship = bundledWorkflow('okta-anomaly-vision-one-servicenow-xsoar.json');
		const restore = bundledWorkflow('servicenow-verified-vision-one-restore.json');
		const user = (login: string) => oktaUser(sandbox, login);
		const sessions = (login: string) => (sandbox.state<OktaState>('okta').sessions[user(login).id] ?? []).length;
		const inOkta = (login: string) => `${user(login).status === 'ACTIVE' ? 'active' : user(login).status.toLowerCase()}, ${sessions(login)} session(s)`;
		const ticketOf = (login: string) => incidents(sandbox, risky(login))[0];
		const notesOf = (login: string) => (ticketOf(login) ? workNotes(sandbox, ticketOf(login).sys_id) : []);
		const xsoarOf = (login: string) => xsoarIncidents(sandbox, risky(login));
		const task = (id: unknown) => sandbox.state<VisionOneState>('visionone').tasks.peek(String(id));
		const actedByVisionOne = (login: string, eventType: string) => oktaEventsAbout(sandbox, user(login).id).some((e) => e.eventType === eventType && e.actor === VISION_ONE);
		const seed = (login: string, kind: string) => sandboxAction(sandbox, 'okta', 'seedSignInAnomaly', { login, kind });

		/** The story of one execution: the branch taken, then what n8n did at each vendor. */
		const tell = (run: RunResult | undefined) => {
			if (!run) {
				out('   → the trigger emitted nothing');
				return;
			}
			for (const [node, meanings] of Object.entries(ROUTES)) {
				const taken = meanings
					.map((meaning, output) => [meaning, outputs(run, node, output).length] as const)
					.filter(([, count]) => count > 0)
					.map(([meaning, count]) => (count > 1 ? `${meaning} (${count} items)` : meaning));
				if (taken.length) out(`   → ${node}: ${taken.join('; ')}`);
			}
			for (const actions of new Set(outputs(run, 'Ticket Details').map((details) => String(details.actions)))) out(`   → Vision One: ${actions}`);
			const chains = new Map<string, { opened: string[]; repeats: number }>();
			for (const s of outputs(run, 'Summary')) {
				const key = `ServiceNow ${String(s.incident || '(none)')} ↔ XSOAR incident ${String(s.xsoarIncident)}`;
				const seen = chains.get(key) ?? { opened: [], repeats: 0 };
				if (s.ticket === 'created') seen.opened.push(`${String(s.incident)} opened`);
				if (s.xsoar === 'created') seen.opened.push(`XSOAR ${String(s.xsoarIncident)} opened`);
				if (s.ticket !== 'created' && s.xsoar !== 'created') seen.repeats++;
				chains.set(key, seen);
			}
			for (const [key, { opened, repeats }] of chains) {
				out(`   → ${key}: ${[opened.join(', '), repeats ? `${repeats} repeat(s) added as work notes and War Room entries` : ''].filter(Boolean).join('; ')}`);
			}
			for (const failed of outputs(run, 'Record Unticketed Alert')) out(`   → not ticketed: ${failed.user}: ${failed.error}`);
			for (const failed of outputs(run, 'Record XSOAR Failure')) out(`   → not in XSOAR: ${failed.user}: ${failed.error}`);
			for (const restored of outputs(run, 'Restored')) out(`   → Vision One: ${restored.user} enabled (task ${restored.visionOneTask}); ${restored.xsoar}; the ticket notes both`);
			for (const left of outputs(run, 'Left As Is')) out(`   → ${left.user} left as is, because ${left.reason}`);
		};

		out('n8n-nodes-secops demo: Okta sign-in anomaly → Vision One disable → ServiceNow incident → XSOAR incident, and back when verified');
		out(`Sandbox on ${sandbox.url}: Okta, Trend Vision One (connected to that Okta tenant), ServiceNow and Cortex XSOAR, simulated locally.`);
		out('Workflows: workflows/okta-anomaly-vision-one-servicenow-xsoar.json, workflows/servicenow-verified-vision-one-restore.json');
		out();

		const contain = new ActiveWorkflow(engine, flagship, 'Okta Sign-In Anomaly');
		const restoreFlow = new ActiveWorkflow(engine, restore, 'Incident Updated');
		await contain.activate();
		await restoreFlow.activate();
		out('1. Both workflows are active: the Okta Trigger watches the System Log from now on, the ServiceNow Trigger watches the flagship\'s incidents.');
		out(`   Bob Anders <${BOB}>, Okta user ${user(BOB).id}: ${inOkta(BOB)}; ServiceNow and XSOAR have no incident for him.`);
		const bobBefore = { status: user(BOB).status, sessions: sessions(BOB) };
		out();

		await seed(BOB, 'highRisk');
		const first = await contain.tick();
		const anomaly = first.emitted[0] ?? {};
		out('2. Okta logs a successful sign-in it rates HIGH risk; the next poll picks it up:');
		out(`   ${anomaly.userDisplayName} <${anomaly.userLogin}> from ${anomaly.ipAddress} (${anomaly.city}, ${anomaly.country}), Okta event ${anomaly.uuid}`);
		tell(first.run);
		const [summary] = outputs(first.run, 'Summary');
		const [signOut] = outputs(first.run, 'Force Sign Out');
		const bobTicket = ticketOf(BOB);
		const [bobXsoar] = xsoarOf(BOB);
		out('   The chain, with each vendor\'s own IDs:');
		out(`     Okta user ${user(BOB).id} → Vision One tasks ${signOut?.taskId} (Force Sign Out, ${task(signOut?.taskId)?.status}) and ${summary?.visionOneTask} (Disable, ${task(summary?.visionOneTask)?.status})`);
		out(`     → ServiceNow ${bobTicket?.number} (correlation ID ${bobTicket?.correlation_id}) → XSOAR incident ${bobXsoar?.id} "${bobXsoar?.name}"`);
		expectThat(bobBefore.status === 'ACTIVE' && bobBefore.sessions > 0 && user(BOB).status === 'SUSPENDED' && sessions(BOB) === 0, 'Bob was active with a session; now he is suspended in Okta and signed out');
		expectThat(actedByVisionOne(BOB, 'user.lifecycle.suspend') && actedByVisionOne(BOB, 'user.session.clear'), `Okta's System Log names ${VISION_ONE} as the actor of the suspension and the sign-out`);
		expectThat(task(summary?.visionOneTask)?.status === 'succeeded' && task(signOut?.taskId)?.status === 'succeeded', 'both Vision One response tasks succeeded');
		expectThat(summary?.ticket === 'created' && bobTicket?.number === summary?.incident, `ServiceNow ${bobTicket?.number} was opened for the anomaly`);
		expectThat(notesOf(BOB).some((n) => n.by === 'soc.integration' && n.value.startsWith(`n8n disabled Okta account <${BOB}> through Vision One`)), 'its first work note, by the integration user, says n8n disabled the account through Vision One');
		expectThat(
			bobXsoar?.id === summary?.xsoarIncident && bobXsoar.labels.some((l) => l.type === 'ServiceNow Incident' && l.value === bobTicket?.number),
			`XSOAR incident ${bobXsoar?.id} was opened with external key ${risky(BOB)}, labelled with ${bobTicket?.number}`,
		);
		const bobEntries = bobXsoar ? warRoomEntries(sandbox, bobXsoar.id) : [];
		expectThat(bobEntries.some((e) => e.includes(String(anomaly.uuid))) && bobEntries.some((e) => e.includes(`\`${String(summary?.visionOneTask)}\` (succeeded)`)), 'its War Room has the Okta event and the Vision One task result');
		expectThat(notesOf(BOB).some((n) => n.value.startsWith(`XSOAR incident ${bobXsoar?.id} (created) tracks this ticket`)), `the ticket names XSOAR incident ${bobXsoar?.id}`);
		out();

		await seed(BOB, 'highRisk');
		out('3. The same anomaly again:');
		const second = await contain.tick();
		tell(second.run);
		const disableTasks = () => sandbox.requests.filter((r) => r.vendor === 'visionone' && r.path.endsWith('/domainAccounts/disable')).length;
		expectThat(incidents(sandbox, risky(BOB)).length === 1 && xsoarOf(BOB).length === 1, `still exactly one ServiceNow incident (${bobTicket?.number}) and one XSOAR incident (${bobXsoar?.id}) for Bob`);
		expectThat(notesOf(BOB).some((n) => n.value.includes('Repeated anomaly')), 'the repeat is a work note on the ticket');
		expectThat(bobXsoar !== undefined && warRoomEntries(sandbox, bobXsoar.id).some((e) => e.startsWith('Repeated anomaly')), 'and War Room entries on the XSOAR incident');
		expectThat(disableTasks() === 1, 'Vision One was not asked to disable the already suspended account again');
		out();

		await seed(ALICE, 'failedSignIns');
		out('4. Someone fails to sign in as Alice five times from abroad; Okta rates it MEDIUM risk:');
		const medium = await contain.tick();
		tell(medium.run);
		expectThat(user(ALICE).status === 'ACTIVE' && sessions(ALICE) === 0, 'Alice keeps her access; Vision One signed her out');
		expectThat(incidents(sandbox, risky(ALICE)).length === 1 && xsoarOf(ALICE).length === 1, 'one ServiceNow and one XSOAR incident for Alice, the other four attempts as notes on them');
		out();

		sandbox.faults.add({ vendor: 'visionone', method: 'POST', path: '/domainAccounts/disable$', kind: 'status', status: 403, message: 'The API key role lacks Response Management' });
		await seed(CAROL, 'highRisk');
		out('5. Carol signs in from the same risky place, but Vision One refuses to disable her (the API key lost its role):');
		const refused = await contain.tick();
		sandbox.faults.clear();
		tell(refused.run);
		expectThat(user(CAROL).status === 'ACTIVE', 'Carol could not be disabled');
		expectThat(/^CONTAINMENT FAILED: .*lacks Response Management/.test(notesOf(CAROL)[0]?.value ?? ''), `her ticket ${ticketOf(CAROL)?.number} was still opened, and says containment failed and why`);
		expectThat(xsoarOf(CAROL).length === 1, `XSOAR incident ${xsoarOf(CAROL)[0]?.id} was opened for her all the same`);
		out();

		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 600 });
		for (const [login, notes] of [[BOB, 'Verified with Bob: he was travelling; password changed, MFA re-enrolled.'], [ALICE, 'Verified: password spray, no access gained.']]) {
			await vendorCall(sandbox, 'servicenow', 'PATCH', `/api/now/table/incident/${ticketOf(login).sys_id}`, { state: '6', close_code: 'Solution provided', close_notes: notes });
		}
		// Alice was suspended by an admin in the meantime: not by n8n, so n8n must not undo it.
		await vendorCall(sandbox, 'okta', 'POST', `/api/v1/users/${ALICE}/lifecycle/suspend`);
		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		out(`6. An analyst resolves ${ticketOf(BOB).number} (Bob) and ${ticketOf(ALICE).number} (Alice, whom an admin has suspended meanwhile) as verified:`);
		const restored = await restoreFlow.tick();
		tell(restored.run);
		out(`   Okta after: Bob ${inOkta(BOB)}; Alice ${inOkta(ALICE)}`);
		expectThat(user(BOB).status === 'ACTIVE' && actedByVisionOne(BOB, 'user.lifecycle.unsuspend'), 'Bob is active again, enabled by Vision One');
		expectThat(xsoarOf(BOB)[0]?.status === 2, `XSOAR incident ${bobXsoar?.id} is closed`);
		expectThat(notesOf(BOB).some((n) => n.value.startsWith('Okta access restored by n8n through Vision One') && n.value.includes(`XSOAR incident ${bobXsoar?.id} closed`)), `${bobTicket?.number} notes both`);
		expectThat(user(ALICE).status === 'SUSPENDED' && xsoarOf(ALICE)[0]?.status === 1, 'Alice stays suspended and her XSOAR incident open: n8n did not disable her');
		expectThat(notesOf(ALICE).some((n) => n.value.startsWith('n8n did not re-enable Okta account')), "Alice's ticket says why n8n left her alone");

		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		const echo = await restoreFlow.tick();
		expectThat(!echo.run?.executed().includes('Enable Account'), 'the work notes n8n added did not trigger a second restore');
		out();
	} finally {
		await sandbox.close();
	}
	if (failures.length) {
		out(`Demo FAILED: ${failures.length} expected effect(s) not seen.`);
		process.exit(1);
	}
	out('Demo passed: every expected effect was seen in the sandbox.');
}

main().catch((error: Error) => {
	process.stderr.write(`Demo FAILED: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
