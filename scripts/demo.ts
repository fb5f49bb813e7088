/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only demo runner, runs in plain Node */
// First: sets n8n-core's environment (throwaway user folder, silent logs) before n8n-core is imported.
import '../test/setup-env';

import process from 'node:process';

import type { OktaState } from '../sandbox/vendors/okta/state';
import { incidents, oktaUser, outputs, workNotes } from '../test/chaos/records';
import type { RunResult } from '../test/harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, vendorCall } from '../test/harness';

/**
 * `npm run demo`: the flagship templates run by n8n's own engine against the local sandbox. A successful risky
 * sign-in is contained and ticketed in ServiceNow, a repeat lands on the same ticket, a medium-risk one only clears
 * sessions, a containment Okta refuses still gets its ticket, and resolving a ticket restores only the user n8n
 * suspended. Exits 0 only when every expected effect is seen in the sandbox.
 */

const BOB = 'bob.anders@acme.example';
const ALICE = 'alice.anders@acme.example';
const CAROL = 'carol.brown@acme.example';
const risky = (login: string) => `okta:${login}:risky-sign-in`;
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
		'medium risk: clear the sessions only',
		'low risk: no action',
	],
	'Just Resolved?': ['just resolved', 'another kind of update: nothing to do'],
};
const STATES: Record<string, string> = { '1': 'New', '2': 'In Progress', '6': 'Resolved' };

async function main(): Promise<void> {
	const { sandbox, engine } = await startSandboxEngine();
	try {
		const containment = bundledWorkflow('okta-anomaly-to-servicenow.json');
		const restore = bundledWorkflow('servicenow-resolved-restore-okta.json');
		const user = (login: string) => oktaUser(sandbox, login);
		const sessions = (login: string) => (sandbox.state<OktaState>('okta').sessions[user(login).id] ?? []).length;
		const inOkta = (login: string) => `${user(login).status === 'ACTIVE' ? 'active' : user(login).status.toLowerCase()}, ${sessions(login)} session(s)`;
		const ticketOf = (login: string) => incidents(sandbox, risky(login))[0];
		const notesOf = (login: string) => (ticketOf(login) ? workNotes(sandbox, ticketOf(login).sys_id).map((n) => n.value) : []);
		const seed = (login: string, kind: string) => sandboxAction(sandbox, 'okta', 'seedSignInAnomaly', { login, kind });

		/** The story of one execution: the branch taken, what n8n did in Okta, what it did in ServiceNow. */
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
			for (const actions of new Set(outputs(run, 'Ticket Details').map((details) => String(details.actions)))) out(`   → Okta: ${actions}`);
			const tickets = new Map<string, { user: unknown; opened: boolean; notes: number }>();
			for (const { incident, user, ticket } of outputs(run, 'Summary')) {
				const seen = tickets.get(String(incident)) ?? { user, opened: false, notes: 0 };
				if (ticket === 'created') seen.opened = true;
				else seen.notes++;
				tickets.set(String(incident), seen);
			}
			for (const [incident, { user, opened, notes }] of tickets) {
				const what = [opened ? 'opened' : '', notes ? `updated with ${notes} work note(s)` : ''].filter(Boolean).join(', then ');
				out(`   → ServiceNow: ${incident} ${what} for ${user}`);
			}
			for (const failed of outputs(run, 'Record Unticketed Alert')) out(`   → not ticketed: ${failed.user}: ${failed.error}`);
			for (const restored of outputs(run, 'Restored')) out(`   → Okta: ${restored.user} unsuspended; the incident notes it`);
			for (const left of outputs(run, 'Left As Is')) out(`   → Okta: ${left.user} left as is, because ${left.reason}`);
			for (const refused of outputs(run, 'Not Opened by n8n')) out(`   → ${refused.incident} left alone: ${refused.reason}`);
		};

		out('n8n-nodes-secops demo: Okta sign-in anomaly → contain → ServiceNow incident → restore when resolved');
		out(`Sandbox on ${sandbox.url}: Okta and ServiceNow simulated locally, no vendor account needed.`);
		out('Workflows: workflows/okta-anomaly-to-servicenow.json, workflows/servicenow-resolved-restore-okta.json');
		out();

		const contain = new ActiveWorkflow(engine, containment, 'Okta Sign-In Anomaly');
		const restoreFlow = new ActiveWorkflow(engine, restore, 'Incident Updated');
		await contain.activate();
		await restoreFlow.activate();
		out('1. Both workflows are active: the Okta Trigger watches the System Log from now on, the ServiceNow Trigger watches our incidents.');
		out(`   Bob Anders (${BOB}) in Okta before: ${inOkta(BOB)}; ServiceNow has ${incidents(sandbox, risky(BOB)).length} incident(s) for him.`);
		const bobBefore = { status: user(BOB).status, sessions: sessions(BOB) };
		out();

		await seed(BOB, 'highRisk');
		const first = await contain.tick();
		const anomaly = first.emitted[0] ?? {};
		out('2. Okta logs a successful sign-in it rates HIGH risk; the next poll picks it up:');
		out(`   ${anomaly.userDisplayName} <${anomaly.userLogin}> from ${anomaly.ipAddress} (${anomaly.city}, ${anomaly.country})`);
		out(`   reasons: ${(anomaly.riskReasons as string[] | undefined)?.join(', ')}; behaviours: ${(anomaly.behaviors as string[] | undefined)?.join(', ')}`);
		tell(first.run);
		const [summary] = outputs(first.run, 'Summary');
		const bobTicket = ticketOf(BOB);
		out(`   Okta after: ${inOkta(BOB)}. ServiceNow: ${bobTicket?.number} "${bobTicket?.short_description}", ${STATES[bobTicket?.state] ?? bobTicket?.state}, priority ${bobTicket?.priority}`);
		expectThat(bobBefore.status === 'ACTIVE' && bobBefore.sessions > 0 && user(BOB).status === 'SUSPENDED', 'Bob was active with a session, and is now suspended');
		expectThat(sessions(BOB) === 0, "Bob's sessions and OAuth tokens are cleared");
		expectThat(summary?.ticket === 'created' && bobTicket?.number === summary?.incident, `incident ${summary?.incident} was opened for the anomaly`);
		out();

		await seed(BOB, 'highRisk');
		out('3. The same anomaly again:');
		const second = await contain.tick();
		tell(second.run);
		expectThat(incidents(sandbox, risky(BOB)).length === 1, 'exactly one incident exists for Bob after two anomalies');
		expectThat(notesOf(BOB).some((n) => n.includes('Repeated anomaly')), 'the repeat was added to it as a work note');
		out();

		await seed(ALICE, 'failedSignIns');
		out('4. Someone fails to sign in as Alice five times from abroad; Okta rates it MEDIUM risk:');
		const medium = await contain.tick();
		tell(medium.run);
		expectThat(user(ALICE).status === 'ACTIVE' && sessions(ALICE) === 0, 'Alice keeps her access, her sessions are cleared');
		expectThat(incidents(sandbox, risky(ALICE)).length === 1 && notesOf(ALICE).filter((n) => n.includes('Repeated anomaly')).length === 4, 'one incident for Alice, the other four attempts as work notes on it');
		out();

		sandbox.faults.add({ vendor: 'okta', method: 'POST', path: '/lifecycle/suspend$', kind: 'status', status: 403, message: 'You do not have permission to perform the requested action' });
		await seed(CAROL, 'highRisk');
		out('5. Carol signs in from the same risky place, but Okta refuses to suspend her (the API token lost a permission):');
		const refused = await contain.tick();
		sandbox.faults.clear();
		tell(refused.run);
		expectThat(user(CAROL).status === 'ACTIVE', 'Carol could not be suspended');
		expectThat(/^CONTAINMENT FAILED: .*You do not have permission/.test(notesOf(CAROL)[0] ?? ''), 'her incident was still opened, and says containment failed and why');
		out();

		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 600 });
		for (const [login, notes] of [[BOB, 'Bob confirmed he was travelling; password changed, MFA re-enrolled.'], [ALICE, 'Password spray; no access gained.']]) {
			await vendorCall(sandbox, 'servicenow', 'PATCH', `/api/now/table/incident/${ticketOf(login).sys_id}`, { state: '6', close_code: 'Solution provided', close_notes: notes });
		}
		// Alice was suspended by an admin in the meantime: not by n8n, so n8n must not undo it.
		await vendorCall(sandbox, 'okta', 'POST', `/api/v1/users/${ALICE}/lifecycle/suspend`);
		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		out(`6. An analyst resolves ${ticketOf(BOB).number} (Bob) and ${ticketOf(ALICE).number} (Alice, whom an admin has suspended meanwhile):`);
		const restored = await restoreFlow.tick();
		tell(restored.run);
		out(`   Okta after: Bob ${inOkta(BOB)}; Alice ${inOkta(ALICE)}`);
		expectThat(user(BOB).status === 'ACTIVE', 'Bob is active again in Okta');
		expectThat(notesOf(BOB).some((n) => n.startsWith('Okta access restored')), "Bob's incident records that access was restored");
		expectThat(user(ALICE).status === 'SUSPENDED', 'Alice stays suspended: n8n did not suspend her');
		expectThat(notesOf(ALICE).some((n) => n.startsWith('n8n did not restore Okta access')), "Alice's incident says why n8n left her alone");

		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		const echo = await restoreFlow.tick();
		expectThat(!echo.run?.executed().includes('Unsuspend User'), 'the work notes n8n added did not trigger a second restore');
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
