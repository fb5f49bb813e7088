import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import { VISION_ONE_NODE, visionOneWorkflow } from './workflow';

const ALICE = 'alice.anders@acme.example';
const FIRST = (state: VisionOneState) => state.alerts[0].id;

describe('Vision One Workbench alerts through WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<VisionOneState>('visionone');
	const run = async (operation: string, extra: Record<string, unknown> = {}) => {
		const result = await env.engine.run(visionOneWorkflow({ resource: 'alert', operation, ...extra }));
		return { json: result.json(VISION_ONE_NODE), error: result.error(VISION_ONE_NODE) };
	};
	const alertRequests = () => env.sandbox.requests.filter((r) => r.path.startsWith('/v3.0/workbench/alerts'));
	const week = { startDateTime: new Date(Date.now() - 7 * 86_400_000).toISOString() };

	it('Get returns the alert with its ETag; Simplify flattens the impact scope', async () => {
		const id = FIRST(state());
		const raw = await run('get', { alertId: id, simplify: false });
		expect(raw.json[0]).toEqual(expect.objectContaining({ id, alertProvider: 'SAE', impactScope: expect.any(Object), etag: expect.stringMatching(/^[0-9a-f]{40}$/) }));
		const simple = await run('get', { alertId: id });
		expect(simple.json[0]).toEqual(
			expect.objectContaining({
				id,
				accounts: ['shockwave\\sam'],
				hosts: [expect.objectContaining({ name: 'nimda', ips: ['10.10.0.10'] })],
				emails: [],
				indicators: expect.arrayContaining([{ type: 'ip', value: '10.10.0.10' }]),
				etag: raw.json[0].etag,
			}),
		);
	});

	it('Get of an unknown alert is the vendor error (404 NotFound)', async () => {
		const { error } = await run('get', { alertId: 'WB-9002-20990101-00001' });
		expect(error?.message).toBe('Vision One: Workbench alert WB-9002-20990101-00001 not found.');
		expect(error?.httpCode).toBe('404');
	});

	it('Get Many with Return All follows nextLink, re-sending the TMV1-Filter on every page', async () => {
		await env.sandbox.runAction('visionone', 'alertPageSize', { size: 2 });
		const { json } = await run('getMany', { ...week, returnAll: true, filters: { severities: ['critical', 'high'] }, simplify: false });
		const expected = state().alerts.filter((a) => ['critical', 'high'].includes(a.severity) && Date.parse(a.createdDateTime) >= Date.now() - 7 * 86_400_000);
		expect(json.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
		expect(json.length).toBeGreaterThan(4);
		const pages = alertRequests();
		expect(pages.length).toBe(Math.ceil(expected.length / 2));
		expect(pages.slice(1).every((p) => Object.keys(p.query).join() === 'skipToken')).toBe(true);
		// Newest first, the default order.
		expect(json.map((a) => a.createdDateTime)).toEqual([...json.map((a) => String(a.createdDateTime))].sort().reverse());
	});

	it('Get Many quotes filter values: a quote from item data stays inside one literal', async () => {
		const { json, error } = await run('getMany', { ...week, filters: { entityValue: "x' or severity eq 'low" } });
		expect(error).toBeUndefined();
		// Unquoted, the value would have widened the filter to every low-severity alert.
		expect(json).toEqual([]);
		expect(state().alerts.some((a) => a.severity === 'low')).toBe(true);
		const byAccount = await run('getMany', { ...week, filters: { entityValue: 'shockwave\\sam', statuses: ['Open'] } });
		expect(byAccount.json.length).toBe(2);
		expect(byAccount.json.every((a) => (a.accounts as string[]).includes('shockwave\\sam'))).toBe(true);
	});

	it('fails closed when an added filter has no value (never a dropped condition)', async () => {
		const empty = await run('getMany', { filters: { model: '={{ "" }}' } });
		expect(empty.error?.message).toBe('Model is empty');
		const missing = await run('getMany', { filters: { entityValue: '={{ $json.nothing }}' } });
		expect(missing.error?.message).toMatch(/^Entity Value is (empty|missing, not text|null, not text)$/);
		const none = await run('getMany', { filters: { severities: [] } });
		expect(none.error?.message).toBe('Severities has no value selected');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('the raw TMV1-Filter is sent as typed and combined with "and"; a bad one is the vendor error', async () => {
		const { json } = await run('getMany', { ...week, returnAll: true, filters: { rawFilter: "alertProvider eq 'TI' or severity eq 'low'", statuses: ['Open'] } });
		expect(json.length).toBeGreaterThan(1);
		expect(json.every((a) => a.alertProvider === 'TI' || a.severity === 'low')).toBe(true);
		const bad = await run('getMany', { filters: { rawFilter: "severity eq 'high' and" } });
		expect(bad.error?.message).toMatch(/^Vision One: Invalid TMV1-Filter: /);
		expect(bad.error?.httpCode).toBe('400');
	});

	it('Update Status sends If-Match from a fresh read; a 412 is read again and retried once', async () => {
		const id = FIRST(state());
		const { json } = await run('updateStatus', { alertId: id, status: 'In Progress', investigationResult: 'True Positive' });
		expect(json[0]).toEqual({ alertId: id, updated: true, status: 'In Progress', investigationResult: 'True Positive', retriedAfterConflict: false });
		const alert = state().alerts.find((a) => a.id === id)!;
		expect(alert.status).toBe('In Progress');
		expect(alert.investigationResult).toBe('True Positive');
		expect(alert.firstInvestigatedDateTime).toEqual(expect.any(String));

		env.sandbox.requests.length = 0;
		env.sandbox.faults.add({ vendor: 'visionone', method: 'PATCH', kind: 'status', status: 412, times: 1 });
		const retried = await run('updateStatus', { alertId: id, status: 'Closed' });
		expect(retried.json[0]).toEqual(expect.objectContaining({ status: 'Closed', retriedAfterConflict: true }));
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'PATCH 412', 'GET 200', 'PATCH 204']);
		expect(state().alerts.find((a) => a.id === id)!.status).toBe('Closed');

		env.sandbox.faults.add({ vendor: 'visionone', method: 'PATCH', kind: 'status', status: 412, times: 2 });
		const conflict = await run('updateStatus', { alertId: id, status: 'Open' });
		expect(conflict.error?.httpCode).toBe('412');
		expect(conflict.error?.message).toMatch(/^Vision One: /);
	});

	it('the sandbox refuses a PATCH without the current ETag (412 ConditionNotMet)', async () => {
		const id = FIRST(state());
		const base = env.sandbox.vendorUrl('visionone');
		const headers = { Authorization: `Bearer ${String(env.sandbox.credentials('visionone').apiKey)}`, 'Content-Type': 'application/json' };
		const stale = await fetch(`${base}/v3.0/workbench/alerts/${id}`, { method: 'PATCH', headers: { ...headers, 'If-Match': '"stale"' }, body: JSON.stringify({ status: 'Closed' }) });
		expect(stale.status).toBe(412);
		expect(await stale.json()).toEqual({ error: { code: 'ConditionNotMet', message: expect.any(String), number: 3090018 } });
	});

	it('Add Note returns the note ID from Location; Get Notes lists it', async () => {
		const id = FIRST(state());
		const added = await run('addNote', { alertId: id, content: 'Disabled alice via n8n' });
		expect(added.json[0]).toEqual({ alertId: id, noteId: 1, location: expect.stringMatching(new RegExp(`/v3\\.0/workbench/alerts/${id}/notes/1$`)) });
		const notes = await run('getNotes', { alertId: id, returnAll: true });
		expect(notes.json).toEqual([expect.objectContaining({ alertId: id, id: 1, content: 'Disabled alice via n8n' })]);
		const empty = await run('addNote', { alertId: id, content: '   ' });
		expect(empty.error?.message).toBe('Content is empty');
	});

	it('refuses alert IDs that would change the request target', async () => {
		for (const alertId of ['../tasks/00000001', 'WB-1/notes', 'WB\r\nX: y']) {
			const { error } = await run('get', { alertId });
			expect(error?.message).toMatch(/^Alert ID ".*" is not a valid identifier$/);
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('an Okta sign-in anomaly raises a Workbench alert naming the Okta account', async () => {
		const since = new Date(Date.now() - 1000).toISOString();
		// The seeded Okta history has anomalies of its own (alerts hours old); the new one is raised now.
		expect((await run('getMany', { startDateTime: since, filters: { entityValue: ALICE } })).json).toEqual([]);
		await env.sandbox.runAction('okta', 'seedSignInAnomaly', { login: ALICE, kind: 'newLocation' });
		const { json } = await run('getMany', { startDateTime: since, filters: { entityValue: ALICE } });
		expect(json).toEqual([
			expect.objectContaining({ model: 'Okta Sign-In from Anomalous Location', severity: 'high', accounts: [ALICE], indicators: [{ type: 'ip', value: '185.220.101.4' }] }),
		]);
		// The alert names the account the way the Account actions take it.
		const disabled = await env.engine.run(visionOneWorkflow({ resource: 'account', operation: 'disable', accounts: (json[0].accounts as string[])[0] }));
		expect(disabled.json(VISION_ONE_NODE)[0].outcome).toBe('disabled');
	});
});
