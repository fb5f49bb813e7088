import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import { VISION_ONE_NODE, visionOneWorkflow } from './workflow';

const ALICE = 'alice.anders@acme.example';
const BOB = 'bob.anders@acme.example';
const STAGED = 'alice.anders21@acme.example'; // Okta seed user 21

describe('Vision One account actions through WorkflowExecute (connected Okta tenant)', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const okta = () => env.sandbox.state<OktaState>('okta');
	const oktaUser = (login: string) => okta().users.find((u) => u.profile.login === login)!;
	const visionOneEvents = (login: string) =>
		okta().logs.events.filter((e) => e.actor.displayName === 'Trend Vision One' && e.target.some((t) => t.alternateId === login)).map((e) => e.eventType);
	const calls = () => env.sandbox.requests.filter((r) => r.vendor === 'visionone').map((r) => `${r.method} ${r.path} ${r.status}`);
	const run = async (operation: string, accounts: string | string[], extra: Record<string, unknown> = {}, onError?: string) => {
		const result = await env.engine.run(visionOneWorkflow({ resource: 'account', operation, accounts, ...extra }, { onError }));
		return { json: result.json(VISION_ONE_NODE), error: result.error(VISION_ONE_NODE) };
	};

	it('Disable suspends the Okta user once its task succeeds, and Enable restores it', async () => {
		expect(oktaUser(ALICE).status).toBe('ACTIVE');
		expect(okta().sessions[oktaUser(ALICE).id]).toBeDefined();

		const disabled = await run('disable', ALICE, { description: 'WB-9002 anomalous sign-in' });
		expect(disabled.error).toBeUndefined();
		expect(disabled.json).toEqual([
			expect.objectContaining({ account: ALICE, outcome: 'disabled', status: 202, taskId: expect.stringMatching(/^\d{8}$/), taskStatus: 'succeeded' }),
		]);
		const task = disabled.json[0].task as Record<string, unknown>;
		expect(task).toEqual(expect.objectContaining({ action: 'disableAccount', status: 'succeeded', description: 'WB-9002 anomalous sign-in' }));
		expect(task.tasks).toEqual([expect.objectContaining({ iam: 'Okta', accountName: ALICE, status: 'succeeded' })]);
		expect(oktaUser(ALICE).status).toBe('SUSPENDED');
		expect(okta().sessions[oktaUser(ALICE).id]).toBeUndefined();
		expect(visionOneEvents(ALICE)).toEqual(['user.lifecycle.suspend']);
		// One submit, then the task read until it succeeded (queued → running → succeeded).
		expect(calls()[0]).toBe('POST /v3.0/response/domainAccounts/disable 207');
		expect(calls().slice(1).every((c) => c.startsWith(`GET /v3.0/response/tasks/${String(disabled.json[0].taskId)} 200`))).toBe(true);

		const enabled = await run('enable', ALICE);
		expect(enabled.json).toEqual([expect.objectContaining({ account: ALICE, outcome: 'enabled', taskStatus: 'succeeded' })]);
		expect(oktaUser(ALICE).status).toBe('ACTIVE');
		expect(visionOneEvents(ALICE)).toEqual(['user.lifecycle.suspend', 'user.lifecycle.unsuspend']);
	});

	it('the task progresses queued → running → succeeded as it is polled (Task: Get)', async () => {
		const submitted = await run('disable', BOB, { waitForCompletion: false });
		expect(submitted.json).toEqual([expect.objectContaining({ account: BOB, outcome: 'submitted', taskId: expect.any(String) })]);
		expect(submitted.json[0].taskStatus).toBeUndefined();
		const taskId = submitted.json[0].taskId as string;
		const statuses: unknown[] = [];
		for (let i = 0; i < 2; i++) {
			const read = await env.engine.run(visionOneWorkflow({ resource: 'task', operation: 'get', taskId }));
			statuses.push(read.json(VISION_ONE_NODE)[0].status);
		}
		expect(statuses).toEqual(['running', 'succeeded']);
		expect(oktaUser(BOB).status).toBe('SUSPENDED');
		const waited = await env.engine.run(visionOneWorkflow({ resource: 'task', operation: 'wait', taskId, waitSeconds: 5 }));
		expect(waited.json(VISION_ONE_NODE)[0]).toEqual(expect.objectContaining({ id: taskId, status: 'succeeded', finished: true }));
	});

	it('a mixed 207 gives one result per account: two successes and one clear error, not a failed node', async () => {
		const { json, error } = await run('disable', `${ALICE}, ${BOB}\nnobody@acme.example`);
		expect(error).toBeUndefined();
		expect(json).toEqual([
			expect.objectContaining({ account: ALICE, outcome: 'disabled' }),
			expect.objectContaining({ account: BOB, outcome: 'disabled' }),
			expect.objectContaining({ account: 'nobody@acme.example', outcome: 'failed', status: 400, error: { message: 'Target not found.', code: 'BadRequest' } }),
		]);
		expect(json[2].taskId).toBeUndefined();
		expect(oktaUser(ALICE).status).toBe('SUSPENDED');
		expect(oktaUser(BOB).status).toBe('SUSPENDED');
		const submit = env.sandbox.requests.filter((r) => r.path.endsWith('/disable'));
		expect(submit).toHaveLength(1);
		expect(submit[0].body).toEqual([{ accountName: ALICE }, { accountName: BOB }, { accountName: 'nobody@acme.example' }]);
	});

	it('fails the item on any account error when asked, naming the account', async () => {
		const { error } = await run('disable', [ALICE, 'access_denied'], { failOnAnyError: true });
		expect(error?.message).toBe("Vision One: 1 of 2 targets failed (access_denied: The target is not in the user's management scope.)");
	});

	it('a task that fails (Okta lifecycle does not allow it, or an unreachable domain) is a per-account failure', async () => {
		const { json } = await run('disable', [STAGED, 'corp\\svc-backup']);
		expect(json).toEqual([
			expect.objectContaining({ account: STAGED, outcome: 'failed', taskStatus: 'failed', error: { code: 'TaskError', message: 'The Okta user is STAGED and cannot be disabled.' } }),
			expect.objectContaining({ account: 'corp\\svc-backup', outcome: 'failed', taskStatus: 'failed', error: expect.objectContaining({ message: 'The identity sensor cannot reach the domain controller.' }) }),
		]);
		expect(oktaUser(STAGED).status).toBe('STAGED');
	});

	it('Force Sign Out clears the Okta sessions; Force Password Reset also expires the password', async () => {
		const signedOut = await run('signOut', `acme\\${ALICE.split('@')[0]}`);
		expect(signedOut.json[0]).toEqual(expect.objectContaining({ outcome: 'signedOut' }));
		expect(okta().sessions[oktaUser(ALICE).id]).toBeUndefined();
		expect(oktaUser(ALICE).status).toBe('ACTIVE');
		const reset = await run('resetPassword', BOB);
		expect(reset.json[0]).toEqual(expect.objectContaining({ outcome: 'passwordResetForced' }));
		expect(oktaUser(BOB).status).toBe('PASSWORD_EXPIRED');
		expect(visionOneEvents(ALICE)).toEqual(['user.session.clear']);
		expect(visionOneEvents(BOB)).toEqual(['user.session.clear', 'user.account.expire_password']);
	});

	it('acts on AD and Entra ID accounts of the directory too', async () => {
		const { json } = await run('disable', ['shockwave\\sam', 'sam@shockwave.example']);
		expect(json.map((r) => r.outcome)).toEqual(['disabled', 'disabled']);
		expect((json[0].task as { tasks: Array<{ iam: string }> }).tasks[0].iam).toBe('OPAD');
		expect((json[1].task as { tasks: Array<{ iam: string }> }).tasks[0].iam).toBe('AAD');
		expect(env.sandbox.state<VisionOneState>('visionone').directory.filter((a) => !a.enabled).map((a) => a.accountName)).toEqual(['shockwave\\sam', 'sam@shockwave.example']);
	});

	it('a second disable while the first task runs answers Task duplication for that account', async () => {
		await run('disable', ALICE, { waitForCompletion: false });
		const { json } = await run('disable', ALICE, { waitForCompletion: false });
		expect(json[0]).toEqual(expect.objectContaining({ outcome: 'failed', error: { code: 'TaskError', message: 'Task duplication.' } }));
	});

	it('reports a task still running when the wait budget ends', async () => {
		await env.sandbox.runAction('visionone', 'taskTiming', { finishPolls: 100, finishMs: 600_000 });
		const { json } = await run('disable', ALICE, { waitSeconds: 1 });
		expect(json[0]).toEqual(expect.objectContaining({ outcome: 'stillRunning', taskStatus: 'running' }));
	});

	it('Task Get Many lists tasks by account, action and status, newest first; an added filter without a value fails closed', async () => {
		await run('disable', [ALICE, BOB]);
		await run('enable', ALICE);
		const tasks = async (filters: Record<string, unknown>) => (await env.engine.run(visionOneWorkflow({ resource: 'task', operation: 'getMany', returnAll: true, filters }))).json(VISION_ONE_NODE);
		expect((await tasks({ account: ALICE })).map((t) => t.action)).toEqual(['enableAccount', 'disableAccount']);
		expect((await tasks({ actions: ['disableAccount'], statuses: ['succeeded'] })).map((t) => (t.tasks as Array<{ accountName: string }>)[0].accountName)).toEqual([BOB, ALICE]);
		expect(await tasks({ account: "x' or status eq 'succeeded" })).toEqual([]);
		const empty = await env.engine.run(visionOneWorkflow({ resource: 'task', operation: 'getMany', filters: { account: '={{ $json.missing }}' } }));
		expect(empty.error(VISION_ONE_NODE)?.message).toMatch(/^Account is /);
	});

	it('with Continue On Fail, a failing item becomes an error item paired to it and the others go on', async () => {
		const result = await env.engine.run({
			...visionOneWorkflow({ resource: 'account', operation: 'disable', accounts: '={{ $json.who }}', failOnAnyError: true }, { onError: 'continueRegularOutput' }),
		}, { items: [{ json: { who: ALICE } }, { json: { who: 'nobody@acme.example' } }] });
		const output = result.output(VISION_ONE_NODE);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json.outcome).toBe('disabled');
		expect(output[1].json.error).toBe('Vision One: 1 of 1 targets failed (nobody@acme.example: Target not found.)');
	});

	it('Dry Run returns the request and sends nothing', async () => {
		const { json } = await run('disable', [ALICE, BOB], { dryRun: true });
		expect(json[0]).toEqual(expect.objectContaining({ dryRun: true, method: 'POST', body: [{ accountName: ALICE }, { accountName: BOB }] }));
		expect(String(json[0].url)).toMatch(/\/visionone\/v3\.0\/response\/domainAccounts\/disable$/);
		expect(env.sandbox.requests).toHaveLength(0);
		expect(oktaUser(ALICE).status).toBe('ACTIVE');
	});

	it.each([
		['an empty entry', `${ALICE},,${BOB}`, 'Accounts (entry 2) is empty'],
		['null', null, 'Accounts is null, not text'],
		['a boolean in a list', [ALICE, true], 'Accounts (entry 2) is a boolean, not text'],
		['an empty list', [], 'Accounts is an empty list'],
		['a line break inside a name', [`${ALICE}\r`, 'x\u0000y'], 'Accounts (entry 2) "x\\x00y" is not valid'],
	])('refuses %s before sending anything', async (_label, accounts, message) => {
		const { error } = await run('disable', accounts === null ? '={{ null }}' : Array.isArray(accounts) ? `={{ ${JSON.stringify(accounts)} }}` : String(accounts));
		expect(error?.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
