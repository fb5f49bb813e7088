import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { ConductorOneState } from '../../sandbox/vendors/conductorone/state';
import type { XsoarState } from '../../sandbox/vendors/xsoar/state';
import { ONE_IN_FIVE, injectFaultShares } from '../chaos/faults';
import { outputs } from '../chaos/records';
import { c1Workflow } from '../conductorone/workflow';
import type { RunResult, SandboxEngine } from '../harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, withSettings } from '../harness';

const template = bundledWorkflow('compromised-identity-revoke-conductorone.json');
const TRIGGER = 'Compromised Identity Incident';
const ERIN = 'erin@acme.example';
const XSOAR_READ_ONLY = 'ent-xsoar-role-read-only';

const quick = withSettings(template, { waitSeconds: 2 });

const SENSITIVE_APPS = ['app-xsoar', 'app-aws', 'app-salesforce'];

describe('template: compromised identity → ConductorOne revokes → XSOAR War Room (engine, sandbox)', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.engine.credentials.secOpsConductorOneApi.accessToken = '';
	});

	const c1 = () => env.sandbox.state<ConductorOneState>('conductorone');
	const xsoar = () => env.sandbox.state<XsoarState>('xsoar');
	const xsoarRoles = (username: string) => xsoar().users.find((u) => u.username === username)?.roles.roles;
	const grantsOf = (userId: string) => {
		const accounts = new Set(c1().appUsers.filter((u) => u.identityUserId === userId).map((u) => u.id));
		return c1().bindings.filter((b) => accounts.has(b.appUserId)).map((b) => b.appEntitlementId).sort();
	};
	const revokeTasks = () => c1().tasks.filter((t) => 'revoke' in t.type);
	const entries = (incidentId: string) => (xsoar().investigations.get(incidentId)?.entries ?? []).map((e) => e.contents);
	/** An incident as an XSOAR playbook (or an analyst) creates it, through XSOAR's API. */
	const createIncident = async (email: string | undefined, type = 'Compromised Identity'): Promise<string> => {
		const response = await fetch(`${env.sandbox.vendorUrl('xsoar')}/incident`, {
			method: 'POST',
			headers: { Authorization: String(env.sandbox.credentials('xsoar').apiKey), 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: `Compromised identity: ${email}`, type, severity: 3, ...(email === undefined ? {} : { CustomFields: { identityemail: email } }) }),
		});
		expect(response.ok).toBe(true);
		return String(((await response.json()) as IDataObject).id);
	};
	/** Incidents as the trigger emits them, varied from the pinned sample. */
	const incidentItems = async (...emails: Array<string | undefined>): Promise<INodeExecutionData[]> => {
		const items: INodeExecutionData[] = [];
		for (const email of emails) {
			const id = await createIncident(email);
			items.push({ json: { ...template.pinData![TRIGGER][0].json, id, CustomFields: email === undefined ? {} : { identityemail: email } } });
		}
		return items;
	};
	const run = async (items: INodeExecutionData[], workflow = quick) => await env.engine.run(workflow, { startNode: TRIGGER, mode: 'trigger', items });
	/** Acts on the XSOAR role revoke once it waits for its approver, as Bob would in ConductorOne. */
	const whenWaiting = async (action: 'approve' | 'deny') => {
		for (let n = 0; n < 100; n++) {
			const task = revokeTasks().find((t) => t.type.revoke.appEntitlementId === XSOAR_READ_ONLY && t.processing === 'TASK_PROCESSING_TYPE_WAITING');
			if (task) {
				const result = await env.engine.run(c1Workflow({ resource: 'task', operation: action, taskId: task.id, comment: `${action} by the IR lead` }));
				expect(result.error('ConductorOne')).toBeUndefined();
				return;
			}
			await sleep(50);
		}
		throw new Error('no XSOAR revoke task waited for approval');
	};
	const report = (result: RunResult | undefined) => outputs(result, 'Revoke Report');

	it('the seeds line up: Erin is one identity in ConductorOne and an XSOAR user, her XSOAR role is a grant', () => {
		expect(c1().users.find((u) => u.id === 'u-erin')?.email).toBe(ERIN);
		expect(xsoar().users.find((u) => u.username === 'erin')?.email).toBe(ERIN);
		expect(grantsOf('u-erin')).toEqual(['ent-aws-readonly', 'ent-github-member', XSOAR_READ_ONLY]);
	});

	it('revokes the sensitive grants of the identity, the XSOAR role once approved, and writes each outcome to the War Room; no backfill', async () => {
		const flow = new ActiveWorkflow(env.engine, withSettings(template, { waitSeconds: 20 }), TRIGGER);
		await createIncident(ERIN); // before activation: must not be acted on
		await flow.activate();
		expect((await flow.tick()).emitted).toEqual([]);
		expect(revokeTasks()).toEqual([]);

		await sandboxAction(env.sandbox, 'xsoar', 'clock', { advanceSeconds: 2 });
		const id = await createIncident(ERIN);
		await createIncident(ERIN, 'Phishing'); // another type: not this workflow's
		const [{ emitted, run: result }] = await Promise.all([flow.tick(), whenWaiting('approve')]);
		expect(emitted.map((i) => i.id)).toEqual([id]);

		expect(xsoarRoles('erin')).toEqual([]);
		expect(grantsOf('u-erin')).toEqual(['ent-github-member']);
		expect(revokeTasks().map((t) => t.description)).toEqual([`XSOAR incident ${id}: compromised identity ${ERIN}; revoked by n8n`, `XSOAR incident ${id}: compromised identity ${ERIN}; revoked by n8n`]);
		const [summary] = report(result);
		expect(summary).toEqual(expect.objectContaining({ incidentId: id, email: ERIN, revoked: [expect.stringMatching(/^AWS Production \/ ReadOnlyAccess \(task /), expect.stringMatching(/^Cortex XSOAR \/ Role: Read-Only \(task /)], waiting: [], denied: [], errors: [] }));
		const [entry, ...more] = entries(id);
		expect(more).toEqual([]);
		expect(entry).toMatch(new RegExp(`^### n8n: sensitive ConductorOne access of ${ERIN}\\nIdentity: Erin Reader \\(u-erin\\); blast radius 3 grants in 3 apps\\.\\n\\*\\*Revoked\\*\\*: AWS Production / ReadOnlyAccess`));
		expect(entry).toContain('**Kept (not sensitive)**: GitHub / Org member');
		expect(outputs(result, 'Reported')).toEqual([expect.objectContaining({ incidentId: id, result: 'reported in the War Room' })]);
	});

	it('a revoke that waits for an approver beyond the budget is reported as waiting, and the role stays', async () => {
		const result = await run(await incidentItems(ERIN));
		expect(xsoarRoles('erin')).toEqual(['Read-Only']);
		expect(grantsOf('u-erin')).toEqual(['ent-github-member', XSOAR_READ_ONLY]);
		expect(report(result)[0].waiting).toEqual([expect.stringMatching(/^Cortex XSOAR \/ Role: Read-Only \(task .*, approvers u-bob\)$/)]);
		expect(entries(report(result)[0].incidentId as string)[0]).toMatch(/\*\*Still waiting for approval\*\*: Cortex XSOAR \/ Role: Read-Only/);
	});

	it('a denied revoke is reported as denied, and XSOAR is unchanged', async () => {
		const [result] = await Promise.all([run(await incidentItems(ERIN), withSettings(template, { waitSeconds: 20 })), whenWaiting('deny')]);
		expect(xsoarRoles('erin')).toEqual(['Read-Only']);
		expect(report(result)[0].denied).toEqual([expect.stringMatching(/^Cortex XSOAR \/ Role: Read-Only/)]);
		expect(entries(report(result)[0].incidentId as string)[0]).toMatch(/\*\*DENIED \(access kept\)\*\*: Cortex XSOAR \/ Role: Read-Only/);
	});

	it('never acts on a protected identity, an e-mail nobody has, or an incident without one; each incident says why', async () => {
		const result = await run(await incidentItems('n8n@acme.example', 'nobody@acme.example', undefined, 'erin.acme.example'));
		expect(revokeTasks()).toEqual([]);
		const said = outputs(result, 'Write to War Room').length;
		expect(said).toBe(4);
		const texts = xsoar().incidents.slice(-4).map((i) => entries(i.id)[0]);
		expect(texts).toEqual([
			'**n8n revoked nothing in ConductorOne** for this incident: n8n@acme.example is in protectedEmails (Settings). Revoke access by hand if the identity is compromised.',
			'**n8n revoked nothing in ConductorOne**: no ConductorOne identity has the e-mail nobody@acme.example.',
			'**n8n revoked nothing in ConductorOne** for this incident: its field identityemail is empty. Revoke access by hand if the identity is compromised.',
			'**n8n revoked nothing in ConductorOne** for this incident: its field identityemail (erin.acme.example) is not an e-mail address. Revoke access by hand if the identity is compromised.',
		]);
	});

	it('revokes only what Settings calls sensitive, at most maxRevokesPerIncident, and lists the rest', async () => {
		// Carol holds nothing sensitive; Alice holds 17 grants, 3 in sensitive apps, and AdministratorAccess matches "admin".
		const result = await run(await incidentItems('carol.chen@acme.example', 'alice.anders@acme.example'), withSettings(template, { waitSeconds: 1, maxRevokesPerIncident: 2 }));
		const [carol, alice] = xsoar().incidents.slice(-2).map((i) => entries(i.id)[0]);
		expect(carol).toMatch(/^### n8n revoked nothing in ConductorOne for carol\.chen@acme\.example\nIdentity: Carol Chen \(u-carol\); blast radius 2 grants in 2 apps, none of them sensitive/);
		expect(revokeTasks().map((t) => t.type.revoke.appEntitlementId)).toEqual(['ent-aws-admin', 'ent-aws-readonly']);
		expect(alice).toContain('**Not revoked (over maxRevokesPerIncident)**: Salesforce / System Administrator');
		expect(alice).toContain('**Kept (not sensitive)**: Okta / Okta: Member; GitHub / Org member');
		expect(report(result)).toHaveLength(1);
	});

	it('a failed identity or grant lookup is written to the War Room, and nothing is revoked', async () => {
		env.sandbox.faults.add({ vendor: 'conductorone', method: 'POST', path: '^/api/v1/search/users$', kind: 'status', status: 403, message: 'permission denied: search users', times: 1 });
		env.sandbox.faults.add({ vendor: 'conductorone', method: 'POST', path: '^/api/v1/search/grants$', kind: 'status', status: 403, message: 'permission denied: search grants', times: 1 });
		const result = await run(await incidentItems(ERIN, ERIN));
		expect(revokeTasks()).toEqual([]);
		const texts = xsoar().incidents.slice(-2).map((i) => entries(i.id)[0]);
		expect(texts[0]).toMatch(/^\*\*n8n revoked nothing in ConductorOne\*\* for erin@acme\.example: Find Identity failed: .*permission denied: search users/);
		expect(texts[1]).toMatch(/^\*\*n8n revoked nothing in ConductorOne\*\* for erin@acme\.example: Find Grants failed: .*permission denied: search grants/);
		expect(outputs(result, 'Reported')).toHaveLength(2);
	});

	it('one refused revoke and one unreadable outcome are listed as such; the other revoke goes on', async () => {
		env.sandbox.faults.add({ vendor: 'conductorone', method: 'POST', path: '^/api/v1/task/revoke$', kind: 'status', status: 403, message: 'permission denied: create revoke task', times: 1 });
		env.sandbox.faults.add({ vendor: 'conductorone', method: 'GET', path: '^/api/v1/tasks/', kind: 'status', status: 403, message: 'permission denied: read task', times: 1 });
		const result = await run(await incidentItems(ERIN));
		const [summary] = report(result);
		expect(summary.errors).toEqual([
			expect.stringMatching(/^AWS Production \/ ReadOnlyAccess: .*permission denied: create revoke task/),
			expect.stringMatching(/^Cortex XSOAR \/ Role: Read-Only \(task .*, outcome not read: .*permission denied: read task\)$/),
		]);
		expect(grantsOf('u-erin')).toEqual(['ent-aws-readonly', 'ent-github-member', XSOAR_READ_ONLY]);
		expect(entries(String(summary.incidentId))[0]).toMatch(/\*\*ERRORS \(check these grants in ConductorOne\)\*\*: AWS Production \/ ReadOnlyAccess: .*\n\*\*Outcome unknown\*\*: Cortex XSOAR/);
	});

	it('records the incident when the War Room refuses the entry, with what was done', async () => {
		env.sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '^/entry$', kind: 'status', status: 403, message: 'Issue with CSRF code' });
		const result = await run(await incidentItems(ERIN));
		expect(grantsOf('u-erin')).toEqual(['ent-github-member', XSOAR_READ_ONLY]);
		expect(outputs(result, 'Record Not Reported')).toEqual([
			expect.objectContaining({ email: ERIN, failed: 'Cortex XSOAR: Write to War Room', entry: expect.stringContaining('**Revoked**: AWS Production / ReadOnlyAccess'), error: expect.stringContaining('CSRF') }),
		]);
	});

	it('when 1 call in 5 fails: every incident gets its entry or is recorded, and only sensitive grants of the named identities go', async () => {
		const people: Record<string, string> = { 'erin@acme.example': 'u-erin', 'alice.anders@acme.example': 'u-alice', 'carol.chen@acme.example': 'u-carol', 'dan.diaz@acme.example': 'u-dan', 'bob.brown@acme.example': 'u-bob' };
		const items = await incidentItems(...Object.keys(people));
		const before = c1().bindings.map((b) => `${b.appUserId} ${b.appEntitlementId}`);
		const owner = new Map(c1().appUsers.map((u) => [u.id, u.identityUserId]));
		injectFaultShares(env.sandbox, ['conductorone', 'xsoar'], ONE_IN_FIVE, 11);
		const result = await run(items, withSettings(template, { waitSeconds: 1 }));
		env.sandbox.faults.clear();

		expect(result.run.data.resultData.error).toBeUndefined();
		const recorded = new Map(outputs(result, 'Record Not Reported').map((r) => [r.incidentId, String(r.entry)]));
		const reports: string[] = [];
		for (const { json } of items) {
			const mine = entries(String(json.id));
			expect(mine.length).toBeLessThanOrEqual(1);
			const report = mine[0] ?? recorded.get(String(json.id));
			expect(report).toBeDefined();
			reports.push(report!);
		}
		// Whatever went: a sensitive grant of a named identity, and every grant an entry calls revoked is gone.
		const after = new Set(c1().bindings.map((b) => `${b.appUserId} ${b.appEntitlementId}`));
		const gone = before.filter((b) => !after.has(b));
		expect(gone.length).toBeGreaterThan(0);
		for (const binding of gone) {
			const [appUserId, entitlementId] = binding.split(' ');
			expect(Object.values(people)).toContain(owner.get(appUserId));
			expect(SENSITIVE_APPS.some((app) => entitlementId.startsWith(`ent-${app.slice(4)}-`)) || /admin/.test(entitlementId)).toBe(true);
		}
		for (const task of revokeTasks()) {
			const incident = items.find((i) => task.description.startsWith(`XSOAR incident ${String(i.json.id)}:`))!;
			expect(people[String((incident.json.CustomFields as IDataObject).identityemail)]).toBe(task.type.revoke.identityUserId ?? task.userId);
		}
		expect(reports.join('\n')).not.toMatch(/undefined|\[object Object\]/);
	});

	it('runs headless from its Manual Trigger with the sample incident', async () => {
		const result = await env.engine.run(quick, { startNode: 'Run Manually' });
		expect(grantsOf('u-erin')).toEqual(['ent-github-member', XSOAR_READ_ONLY]);
		expect(outputs(result, 'Record Not Reported')).toEqual([expect.objectContaining({ incidentId: '1042', entry: expect.stringContaining('**Still waiting for approval**') })]);
	});
});
