/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only demo runner, runs in plain Node */
// First: sets n8n-core's environment (throwaway user folder, silent logs) before n8n-core is imported.
import '../test/setup-env';

import process from 'node:process';

import type { IDataObject } from 'n8n-workflow';

import type { OktaState } from '../sandbox/vendors/okta/state';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, vendorCall } from '../test/harness';

/**
 * `npm run demo`: the flagship templates run by n8n's own engine against the local sandbox. An Okta sign-in anomaly
 * is contained and ticketed in ServiceNow, a repeat lands on the same ticket, and resolving the ticket restores the
 * user. Exits 0 only when every expected effect is seen in the sandbox.
 */

const LOGIN = 'bob.anders@acme.example';
const failures: string[] = [];
const out = (line = '') => process.stdout.write(`${line}\n`);
const expectThat = (ok: boolean, what: string) => {
	if (!ok) failures.push(what);
	out(`   ${ok ? '✔' : '✘'} ${what}`);
};

async function main(): Promise<void> {
	const { sandbox, engine } = await startSandboxEngine();
	try {
		const containment = bundledWorkflow('okta-anomaly-to-servicenow.json');
		const restore = bundledWorkflow('servicenow-resolved-restore-okta.json');
		const okta = () => sandbox.state<OktaState>('okta');
		const user = () => okta().users.find((u) => u.profile.login === LOGIN)!;
		const oktaSummary = () => `${user().status}, ${(okta().sessions[user().id] ?? []).length} active session(s)`;
		const incidentsFor = async (correlationId: string) =>
			(await vendorCall<{ result: IDataObject[] }>(sandbox, 'servicenow', 'GET',
				`/api/now/table/incident?sysparm_display_value=all&sysparm_query=${encodeURIComponent(`correlation_id=${correlationId}`)}`)).result;
		const display = (field: unknown) => String((field as IDataObject)?.display_value ?? field ?? '');
		const value = (field: unknown) => String((field as IDataObject)?.value ?? field ?? '');
		const notesOn = async (sysId: string) =>
			(await vendorCall<{ result: IDataObject[] }>(sandbox, 'servicenow', 'GET',
				`/api/now/table/sys_journal_field?sysparm_query=${encodeURIComponent(`element_id=${sysId}^element=work_notes`)}`)).result;
		// Branching nodes report the branch taken; action nodes their outcome.
		const branches: Record<string, string[]> = { 'Route by Risk': ['Contain Now', 'Clear Sessions Only'], 'Just Resolved?': ['yes', 'no'] };
		const steps = (run: { executed(): string[]; json(name: string, output?: number): IDataObject[] }, names: string[]) => {
			for (const name of names.filter((n) => run.executed().includes(n))) {
				const taken = branches[name]?.filter((_, output) => run.json(name, output).length > 0);
				if (taken) {
					out(`   → ${name}: ${taken.join(', ') || 'no branch (nothing to do)'}`);
					continue;
				}
				const [first] = run.json(name);
				const result = first?.outcome ?? first?.error ?? (first?.number ? `${first.number}` : 'done');
				out(`   → ${name}: ${result}`);
			}
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
		out(`   Bob Anders (${LOGIN}) in Okta before: ${oktaSummary()}`);
		const before = { status: user().status, sessions: (okta().sessions[user().id] ?? []).length };
		const correlationId = `okta:${LOGIN}:risky-sign-in`;
		const ticketsBefore = await incidentsFor(correlationId);
		out(`   ServiceNow before: ${ticketsBefore.length} incident(s) for correlation ID ${correlationId}`);
		out();

		await sandboxAction(sandbox, 'okta', 'seedSignInAnomaly', { login: LOGIN, kind: 'highRisk' });
		const first = await contain.tick();
		const anomaly = first.emitted[0] ?? {};
		out('2. Okta logs a sign-in anomaly; the next poll picks it up:');
		out(`   ${anomaly.userDisplayName} <${anomaly.userLogin}> from ${anomaly.ipAddress} (${anomaly.city}, ${anomaly.country})`);
		out(`   risk ${anomaly.riskLevel}: ${(anomaly.riskReasons as string[] | undefined)?.join(', ')}; behaviours: ${(anomaly.behaviors as string[] | undefined)?.join(', ')}`);
		if (!first.run) throw new Error('The Okta Trigger emitted nothing for the seeded anomaly');
		steps(first.run, ['Route by Risk', 'Clear Sessions and Tokens', 'Suspend User', 'Clear Sessions Only', 'Open or Update Incident', 'Record Failed Action']);
		const [summary] = first.run.json('Summary');
		let [incident] = await incidentsFor(correlationId);
		out(`   Okta after: ${oktaSummary()}`);
		out(`   ServiceNow: ${display(incident?.number)} "${display(incident?.short_description)}", ${display(incident?.state)}, priority ${display(incident?.priority)}`);
		expectThat(before.status === 'ACTIVE' && before.sessions > 0 && user().status === 'SUSPENDED', 'Bob was active with a session, and is now suspended');
		expectThat((okta().sessions[user().id] ?? []).length === 0, "Bob's sessions and OAuth tokens are cleared");
		expectThat(ticketsBefore.length === 0 && summary?.ticket === 'created' && value(incident?.number) === summary?.incident, `incident ${summary?.incident} was opened for the anomaly`);
		out();

		await sandboxAction(sandbox, 'okta', 'seedSignInAnomaly', { login: LOGIN, kind: 'highRisk' });
		const second = await contain.tick();
		out('3. The same anomaly again:');
		if (second.run) steps(second.run, ['Suspend User', 'Open or Update Incident']);
		const [again] = second.run?.json('Summary') ?? [];
		const all = await incidentsFor(correlationId);
		const notesAfterRepeat = await notesOn(value(incident?.sys_id));
		out(`   ServiceNow: ${all.length} incident(s) for ${correlationId}, ${notesAfterRepeat.length} work note(s) on ${display(incident?.number)}`);
		expectThat(again?.ticket === 'existing' && again?.incident === summary?.incident, 'the repeat landed on the same incident');
		expectThat(all.length === 1, 'exactly one incident exists for the anomaly after two runs');
		expectThat(notesAfterRepeat.some((n) => String(n.value).startsWith('Repeated anomaly')), 'the repeat was added as a work note');
		out();

		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 600 });
		await vendorCall(sandbox, 'servicenow', 'PATCH', `/api/now/table/incident/${value(incident?.sys_id)}`, {
			state: '6',
			close_code: 'Solution provided',
			close_notes: 'Bob confirmed he was travelling; password changed, MFA re-enrolled.',
		});
		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		out(`4. An analyst resolves ${display(incident?.number)} in ServiceNow; the ServiceNow Trigger sees it:`);
		const restored = await restoreFlow.tick();
		if (restored.run) steps(restored.run, ['Just Resolved?', 'Unsuspend User', 'Note Access Restored']);
		[incident] = await incidentsFor(correlationId);
		const notes = await notesOn(value(incident?.sys_id));
		out(`   Okta after: ${oktaSummary()}`);
		out(`   ServiceNow: ${display(incident?.number)} ${display(incident?.state)}, ${notes.length} work note(s)`);
		expectThat(user().status === 'ACTIVE', 'Bob is active again in Okta');
		expectThat(notes.some((n) => String(n.value).startsWith('Okta access restored')), 'the incident records that access was restored');

		await sandboxAction(sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		const echo = await restoreFlow.tick();
		expectThat(!echo.run?.executed().includes('Unsuspend User'), 'the work note n8n added did not trigger a second restore');
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
