import { sleep } from 'n8n-workflow';

import type { SandboxEngine } from './harness';
import { startSandboxEngine } from './harness';
import { DEFAULT_RETRY_POLICY } from '../nodes/shared/transport';
import type { OktaState } from '../sandbox/vendors/okta/state';
import { OKTA_NODE, byLogin, oktaWorkflow } from './okta/workflow';
import { incidents, journal, locator, serviceNowWorkflow, snState } from './servicenow/helpers';

const ALICE = 'alice.anders@acme.example';
const SUSPEND_PATH = '/api/v1/users/[^/]+/lifecycle/suspend$';

/**
 * A write is repeated only when a repeat is provably harmless: idempotent by nature, or checked against the vendor's
 * state first. These tests lose the answer of writes (the vendor acted, the client never heard) and fail them before
 * they act, and count what reached the vendor.
 */
describe('safe repeats of writes whose answer was lost', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const okta = () => env.sandbox.state<OktaState>('okta');
	const oktaUser = (login: string) => okta().users.find((u) => u.profile.login === login)!;
	const suspendEvents = () => okta().logs.events.filter((e) => e.eventType === 'user.lifecycle.suspend');
	const calls = (vendor: string) => env.sandbox.requests.filter((r) => r.vendor === vendor).map((r) => `${r.method} ${r.status}`);

	describe('Okta lifecycle: re-read the user before sending again', () => {
		const suspend = async () =>
			await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'suspend', user: byLogin(ALICE) }), { items: [{ json: {} }] });

		it('reports a suspension whose answer was lost as done, without sending it twice', async () => {
			env.sandbox.faults.add({ vendor: 'okta', method: 'POST', path: SUSPEND_PATH, kind: 'timeoutAfterHandling', times: 1 });
			const result = await suspend();
			expect(result.error(OKTA_NODE)).toBeUndefined();
			expect(result.json(OKTA_NODE)).toEqual([expect.objectContaining({ outcome: 'suspended', status: 'SUSPENDED' })]);
			expect(calls('okta')).toEqual(['POST -1', 'GET 200']);
			expect(suspendEvents()).toHaveLength(1);
		});

		it('sends the suspension again when the user shows it did not land', async () => {
			env.sandbox.faults.add({ vendor: 'okta', method: 'POST', path: SUSPEND_PATH, kind: 'status', status: 502, times: 1 });
			const result = await suspend();
			expect(result.json(OKTA_NODE)).toEqual([expect.objectContaining({ outcome: 'suspended', status: 'SUSPENDED' })]);
			expect(calls('okta')).toEqual(['POST 502', 'GET 200', 'POST 200']);
			expect(oktaUser(ALICE).status).toBe('SUSPENDED');
			expect(suspendEvents()).toHaveLength(1);
		});

		it('repeats a factor reset (harmless) after a dropped connection', async () => {
			env.sandbox.faults.add({ vendor: 'okta', method: 'POST', path: 'reset_factors$', kind: 'reset', times: 1 });
			const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'resetFactors', user: byLogin(ALICE) }), {
				items: [{ json: {} }],
			});
			expect(result.json(OKTA_NODE)).toEqual([expect.objectContaining({ outcome: 'factorsReset' })]);
			expect(calls('okta')).toEqual(['POST -1', 'POST 200']);
		});
	});

	describe('ServiceNow journal: look for the note before sending it again', () => {
		const INCIDENT = locator('number', 'INC0010002');
		const addNote = async (text: string) =>
			await env.engine.run(serviceNowWorkflow({ resource: 'incident', operation: 'addWorkNote', incident: INCIDENT, workNote: text }), {
				items: [{ json: {} }],
			});
		const notesOn = (number: string) => journal(env.sandbox, incidents(env.sandbox).find((i) => i.number === number)!.sys_id);

		it('finds a note whose answer was lost in the journal and does not add it twice', async () => {
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'PATCH', kind: 'timeoutAfterHandling', times: 1 });
			const result = await addNote('Contained by automation');
			expect(result.error('ServiceNow')).toBeUndefined();
			expect(result.json('ServiceNow')[0]).toEqual(expect.objectContaining({ number: 'INC0010002' }));
			expect(notesOn('INC0010002').map((j) => j.value)).toEqual(['Contained by automation']);
			expect(calls('servicenow')).toEqual(['GET 200', 'PATCH -1', 'GET 200', 'GET 200']);
		});

		it('sends the note again when the journal does not have it', async () => {
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'PATCH', kind: 'status', status: 500, times: 1 });
			const result = await addNote('Second look');
			expect(result.error('ServiceNow')).toBeUndefined();
			expect(notesOn('INC0010002').map((j) => j.value)).toEqual(['Second look']);
			expect(calls('servicenow')).toEqual(['GET 200', 'PATCH 500', 'GET 200', 'PATCH 200']);
		});

		it('does not take an older identical note for the lost one when it is older than the clock allowance', async () => {
			const sysId = incidents(env.sandbox).find((i) => i.number === 'INC0010002')!.sys_id;
			snState(env.sandbox).tables.sys_journal_field.push({
				sys_id: 'f'.repeat(32),
				element_id: sysId,
				element: 'work_notes',
				name: 'incident',
				value: 'Same text',
				sys_created_on: '2020-01-01 00:00:00',
				sys_created_by: 'someone',
			});
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'PATCH', kind: 'status', status: 502, times: 1 });
			await addNote('Same text');
			expect(notesOn('INC0010002').map((j) => j.value)).toEqual(['Same text', 'Same text']);
		});
	});

	describe('writes without such a check are never repeated', () => {
		const createRecord = async () =>
			await env.engine.run(
				serviceNowWorkflow({
					resource: 'tableRecord',
					operation: 'create',
					table: 'sys_user_group',
					fields: { field: [{ name: 'name', value: 'Threat Intel' }] },
				}),
				{ items: [{ json: {} }] },
			);
		const groups = () => snState(env.sandbox).tables.sys_user_group.filter((g) => g.name === 'Threat Intel');

		it.each([
			['a 500', { kind: 'status' as const, status: 500 }, 'POST 500'],
			['a dropped connection', { kind: 'reset' as const }, 'POST -1'],
			['a malformed answer', { kind: 'malformed' as const }, 'POST 200'],
		])('sends a table record create once after %s', async (_label, fault, seen) => {
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', ...fault, times: 1 });
			const result = await createRecord();
			expect(result.error('ServiceNow')?.name).toBe('NodeApiError');
			expect(calls('servicenow')).toEqual([seen]);
		});

		it('says that a write whose answer was lost may have taken effect', async () => {
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', kind: 'timeoutAfterHandling', times: 1 });
			const result = await createRecord();
			expect(result.error('ServiceNow')?.message).toMatch(/^ServiceNow dropped the connection before answering\. It may have taken effect: check before repeating it/);
			expect(calls('servicenow')).toEqual(['POST -1']);
			expect(groups()).toHaveLength(1);
		});
	});

	describe('deadlines', () => {
		const original = DEFAULT_RETRY_POLICY.timeoutMs;
		afterEach(() => (DEFAULT_RETRY_POLICY.timeoutMs = original));

		it('gives up on a vendor that does not answer within the request timeout, and repeats reads', async () => {
			DEFAULT_RETRY_POLICY.timeoutMs = 300;
			env.sandbox.faults.add({ vendor: 'okta', method: 'GET', kind: 'latency', delayMs: 1500, times: 1 });
			const started = Date.now();
			const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'get', user: byLogin(ALICE) }), {
				items: [{ json: {} }],
			});
			expect(result.error(OKTA_NODE)).toBeUndefined();
			expect(Date.now() - started).toBeLessThan(1400);
		});

		it('gives up on a vendor that accepts the call and never answers, within the timeout', async () => {
			DEFAULT_RETRY_POLICY.timeoutMs = 300;
			env.sandbox.faults.add({ vendor: 'okta', kind: 'hang' });
			const started = Date.now();
			const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'get', user: byLogin(ALICE) }), {
				items: [{ json: {} }],
			});
			// Five attempts of 300 ms with backoff between them: bounded, and named.
			expect(result.error(OKTA_NODE)?.message).toBe('Okta did not answer within 1 s');
			expect(Date.now() - started).toBeLessThan(12_000);
			expect(env.sandbox.requests.map((r) => r.status)).toEqual([-1, -1, -1, -1, -1]);
		}, 20_000);

		it('does not repeat a write that timed out when nothing can confirm it', async () => {
			DEFAULT_RETRY_POLICY.timeoutMs = 300;
			env.sandbox.faults.add({ vendor: 'servicenow', method: 'POST', kind: 'latency', delayMs: 2000, times: 1 });
			const result = await (async () =>
				await env.engine.run(
					serviceNowWorkflow({ resource: 'tableRecord', operation: 'create', table: 'sys_user_group', fields: { field: [{ name: 'name', value: 'Slow' }] } }),
					{ items: [{ json: {} }] },
				))();
			expect(result.error('ServiceNow')?.message).toBe('ServiceNow did not answer within 1 s. It may have taken effect: check before repeating it');
			await sleep(2200);
			expect(env.sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		});
	});
});
