/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- test runs in plain Node (a local HTTP server stands in for n8n's webhook listener); the hook secret is a test value */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { SandboxEngine, WorkflowJson } from '../harness';
import { Engine, startSandboxEngine } from '../harness';
import { oktaAdmin } from '../../sandbox/vendors/okta/admin';
import type { OktaState } from '../../sandbox/vendors/okta/state';

const HOOK = 'Okta Event Hook';
const SECRET = 'hook-secret-for-tests-0123456789';
const ALICE = 'alice.anders@acme.example';
/** The trigger's own static data (n8n keys node-level static data by node name). */
const nodeData = (staticData: IDataObject) => (staticData[`node:${HOOK}`] ?? {}) as IDataObject;

function hookWorkflow(parameters: IDataObject = {}): WorkflowJson {
	return {
		id: 'hook-workflow',
		name: 'Okta hook (test)',
		nodes: [
			{
				id: '7c0c3e0e-0000-4000-8000-0000000000d1',
				name: HOOK,
				type: 'n8n-nodes-secops.oktaEventHookTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'a3c6d2a0-0000-4000-8000-00000000e0e0',
				parameters: { headerName: 'Authorization', secret: SECRET, ...parameters } as INodeParameters,
				credentials: { secOpsOktaApi: { id: 'okta-sandbox', name: 'Okta Sandbox' } },
			},
		],
		connections: {},
	};
}

describe('Okta Event Hook Trigger', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<OktaState>('okta');
	/** An Okta delivery envelope carrying freshly seeded anomaly events. */
	const envelope = () => {
		oktaAdmin.seedSignInAnomaly(state(), { login: ALICE, kind: 'lockout', count: 2, riskForm: 'string' });
		return {
			eventType: 'com.okta.event_hook',
			eventTypeVersion: '1.0',
			cloudEventsVersion: '0.1',
			source: 'https://acme.okta.com/api/v1/eventHooks/who1',
			eventId: 'b1c2d3e4',
			eventTime: new Date().toISOString(),
			contentType: 'application/json',
			data: { events: state().logs.events.slice(-3) },
		};
	};

	it("answers Okta's verification GET by echoing the challenge, without starting the workflow", async () => {
		const { result, response } = await env.engine.webhook(hookWorkflow(), HOOK, { webhookName: 'setup', method: 'GET', headers: { 'x-okta-verification-challenge': 'X4r2Wq9-challenge' } });
		expect(response).toEqual(expect.objectContaining({ status: 200, body: { verification: 'X4r2Wq9-challenge' }, ended: true }));
		expect(result.workflowData).toBeUndefined();
		const bad = await env.engine.webhook(hookWorkflow(), HOOK, { webhookName: 'setup', method: 'GET', headers: { 'x-okta-verification-challenge': '<script>' } });
		expect(bad.response.status).toBe(400);
	});

	it('emits one normalised item per event when the shared secret matches', async () => {
		const body = envelope();
		const { result } = await env.engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, body });
		const items = result.workflowData![0].map((i) => i.json);
		expect(items.map((i) => i.eventType)).toEqual(['user.session.start', 'user.session.start', 'user.account.lock']);
		expect(items[0]).toEqual(
			expect.objectContaining({ userLogin: ALICE, outcome: 'FAILURE', riskLevel: 'MEDIUM', riskReasons: ['Anomalous Location'], country: 'Germany', raw: expect.objectContaining({ uuid: items[0].uuid }) }),
		);
	});

	it('passes on only the configured event types and acknowledges the rest with 204', async () => {
		const body = envelope();
		const filtered = await env.engine.webhook(hookWorkflow({ eventTypes: 'user.account.lock' }), HOOK, { headers: { Authorization: SECRET }, body });
		expect(filtered.result.workflowData![0].map((i) => i.json.eventType)).toEqual(['user.account.lock']);
		const none = await env.engine.webhook(hookWorkflow({ eventTypes: 'user.risk.detect' }), HOOK, { headers: { Authorization: SECRET }, body });
		expect(none.result.workflowData).toBeUndefined();
		expect(none.response.status).toBe(204);
	});

	it.each([
		['a wrong secret', { Authorization: 'guess' }],
		['a secret that is a prefix of the real one', { Authorization: SECRET.slice(0, -1) }],
		['no header', {}],
		['the secret in another header', { 'X-Okta-Secret': SECRET }],
	])('refuses a delivery with %s with 401 and starts nothing', async (_case, headers) => {
		const { result, response } = await env.engine.webhook(hookWorkflow(), HOOK, { headers, body: envelope() });
		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('refuses an oversized body with 413', async () => {
		const rawBody = JSON.stringify({ data: { events: [] }, padding: 'x'.repeat(1024 * 1024 + 10) });
		const { result, response } = await env.engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, rawBody });
		expect(response.status).toBe(413);
		expect(result.workflowData).toBeUndefined();
	});

	it('does nothing in Okta on activation and deactivation when registration is off', async () => {
		const workflow = hookWorkflow();
		expect((await env.engine.webhookLifecycle(workflow, HOOK, 'checkExists')).result).toBe(true);
		expect((await env.engine.webhookLifecycle(workflow, HOOK, 'delete')).result).toBe(true);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	describe('registration through the Event Hooks API', () => {
		let server: Server;
		let engine: Engine;
		let answerVerification = true;
		const delivered: IDataObject[] = [];

		beforeAll(async () => {
			// Stands in for n8n's webhook listener: forwards what Okta (the sandbox) sends to the trigger.
			server = createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => {
					const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
					const isGet = req.method === 'GET';
					const workflow = hookWorkflow({ register: true, eventTypes: 'user.session.start, user.account.lock', hookName: 'n8n test hook' });
					const challenge = isGet && !answerVerification ? { ...headers, 'x-okta-verification-challenge': 'wrong' } : headers;
					void engine
						.webhook(workflow, HOOK, { webhookName: isGet ? 'setup' : 'default', method: req.method, headers: challenge, rawBody: Buffer.concat(chunks).toString('utf8') })
						.then(({ result, response }) => {
							for (const item of result.workflowData?.[0] ?? []) delivered.push(item.json);
							res.writeHead(response.ended ? response.status : 200, { 'Content-Type': 'application/json' });
							res.end(response.ended && response.body !== undefined ? JSON.stringify(response.body) : '{}');
						});
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			const { port } = server.address() as AddressInfo;
			engine = new Engine(env.engine.credentials, { webhookBaseUrl: `http://127.0.0.1:${port}` });
		});
		afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
		beforeEach(() => {
			answerVerification = true;
			delivered.length = 0;
		});

		const workflow = () => hookWorkflow({ register: true, eventTypes: 'user.session.start, user.account.lock', hookName: 'n8n test hook' });

		it('creates and verifies the hook on activation, receives deliveries, and removes it on deactivation', async () => {
			expect((await engine.webhookLifecycle(workflow(), HOOK, 'checkExists')).result).toBe(false);
			const created = await engine.webhookLifecycle(workflow(), HOOK, 'create');
			expect(created.result).toBe(true);
			const [hook] = state().eventHooks;
			expect(hook).toEqual(expect.objectContaining({ name: 'n8n test hook', status: 'ACTIVE', verificationStatus: 'VERIFIED' }));
			expect(hook.channel.config.uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/a3c6d2a0-0000-4000-8000-00000000e0e0\/webhook$/);
			expect(hook.channel.config.authScheme).toEqual({ type: 'HEADER', key: 'Authorization', value: SECRET });
			expect(hook.events.items).toEqual(['user.session.start', 'user.account.lock']);
			expect(nodeData(created.staticData).hookId).toBe(hook.id);
			expect((await engine.webhookLifecycle(workflow(), HOOK, 'checkExists', { staticData: created.staticData })).result).toBe(true);

			oktaAdmin.seedSignInAnomaly(state(), { login: ALICE, kind: 'newLocation' });
			const deliveries = (await oktaAdmin.deliverEventHooks(state(), { count: 1 })) as { deliveries: Array<{ status: number }> };
			expect(deliveries.deliveries.map((d) => d.status)).toEqual([200]);
			expect(delivered.map((d) => [d.eventType, d.userLogin, d.riskLevel])).toEqual([['user.session.start', ALICE, 'HIGH']]);

			const removed = await engine.webhookLifecycle(workflow(), HOOK, 'delete', { staticData: created.staticData });
			expect(removed.result).toBe(true);
			expect(nodeData(removed.staticData).hookId).toBeUndefined();
			expect(state().eventHooks).toEqual([]);
			expect(env.sandbox.requests.map((r) => `${r.method} ${r.path.replace(hook.id, '{id}')}`)).toEqual([
				'GET /api/v1/eventHooks',
				'POST /api/v1/eventHooks',
				'POST /api/v1/eventHooks/{id}/lifecycle/verify',
				'GET /api/v1/eventHooks',
				'POST /api/v1/eventHooks/{id}/lifecycle/deactivate',
				'DELETE /api/v1/eventHooks/{id}',
			]);
		});

		it("fails activation with Okta's reason when verification fails, leaving no hook behind", async () => {
			answerVerification = false;
			await expect(engine.webhookLifecycle(workflow(), HOOK, 'create')).rejects.toThrow('Okta: Api validation failed: Verification of event hook failed.');
			expect(state().eventHooks).toEqual([]);
		});

		it('treats a hook already deleted in Okta as removed, but reports other failures', async () => {
			expect((await engine.webhookLifecycle(workflow(), HOOK, 'delete', { staticData: { [`node:${HOOK}`]: { hookId: 'who0000sbxabcdefghij' } } })).result).toBe(true);
			env.sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 403, path: 'eventHooks', message: 'You do not have permission to perform the requested action' });
			await expect(engine.webhookLifecycle(workflow(), HOOK, 'delete', { staticData: { [`node:${HOOK}`]: { hookId: 'who0000sbxabcdefghij' } } })).rejects.toThrow('You do not have permission');
		});
	});
});
