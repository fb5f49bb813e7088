/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- test runs in plain Node (a local HTTP server stands in for n8n's webhook listener); the hook secret is a test value */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import type { SandboxEngine, WorkflowJson } from '../harness';
import { Engine, registeredNodes, startSandboxEngine } from '../harness';
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
				parameters: parameters as INodeParameters,
				credentials: {
					secOpsOktaEventHookApi: { id: 'okta-hook-secret', name: 'Okta Hook Secret' },
					secOpsOktaApi: { id: 'okta-sandbox', name: 'Okta Sandbox' },
				},
			},
		],
		connections: {},
	};
}

const HOOK_TYPE = () => registeredNodes().get('n8n-nodes-secops.oktaEventHookTrigger') as INodeType;
/** An engine that also holds the Event Hook Secret credential. */
const withHookSecret = (env: SandboxEngine, secret: ICredentialDataDecryptedObject = { headerName: 'Authorization', secret: SECRET }, options = {}) =>
	new Engine({ ...env.engine.credentials, secOpsOktaEventHookApi: secret }, options);
/** A minimal System Log event, as many as a test needs. */
const logEvent = (eventType = 'user.session.start'): IDataObject => ({ uuid: randomUUID(), eventType, published: new Date().toISOString() });
const deliveryOf = (events: unknown[]) => ({ eventType: 'com.okta.event_hook', data: { events } });

describe('Okta Event Hook Trigger', () => {
	let env: SandboxEngine;
	let engine: Engine;
	beforeAll(async () => {
		env = await startSandboxEngine();
		engine = withHookSecret(env);
	});
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
		const { result, response } = await engine.webhook(hookWorkflow(), HOOK, { webhookName: 'setup', method: 'GET', headers: { 'x-okta-verification-challenge': 'X4r2Wq9-challenge' } });
		expect(response).toEqual(expect.objectContaining({ status: 200, body: { verification: 'X4r2Wq9-challenge' }, ended: true }));
		expect(result.workflowData).toBeUndefined();
		const bad = await engine.webhook(hookWorkflow(), HOOK, { webhookName: 'setup', method: 'GET', headers: { 'x-okta-verification-challenge': '<script>' } });
		expect(bad.response.status).toBe(400);
	});

	it('emits one normalised item per event when the shared secret matches, and answers 200 with an empty body itself', async () => {
		const body = envelope();
		const { result, response } = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, body });
		const items = result.workflowData![0].map((i) => i.json);
		expect(items.map((i) => i.eventType)).toEqual(['user.session.start', 'user.session.start', 'user.account.lock']);
		expect(items[0]).toEqual(
			expect.objectContaining({ userLogin: ALICE, outcome: 'FAILURE', riskLevel: 'MEDIUM', riskReasons: ['Anomalous Location'], country: 'Germany', raw: expect.objectContaining({ uuid: items[0].uuid }) }),
		);
		// Left to n8n, a node without response data answers the literal text "firstEntryJson".
		expect(response).toEqual(expect.objectContaining({ status: 200, body: undefined, ended: true }));
		expect(result.noWebhookResponse).toBe(true);
	});

	it('passes on only the configured event types and acknowledges the rest with 200', async () => {
		const body = envelope();
		const filtered = await engine.webhook(hookWorkflow({ eventTypes: 'user.account.lock' }), HOOK, { headers: { Authorization: SECRET }, body });
		expect(filtered.result.workflowData![0].map((i) => i.json.eventType)).toEqual(['user.account.lock']);
		const none = await engine.webhook(hookWorkflow({ eventTypes: 'user.risk.detect' }), HOOK, { headers: { Authorization: SECRET }, body });
		expect(none.result.workflowData).toBeUndefined();
		expect(none.response).toEqual(expect.objectContaining({ status: 200, ended: true }));
	});

	it("drops events it already delivered (Okta delivers at least once): a batch of repeats answers 200 and starts nothing", async () => {
		const [a, b, c] = [logEvent(), logEvent(), logEvent()];
		const first = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, body: deliveryOf([a, b]) });
		expect(first.result.workflowData![0].map((i) => i.json.uuid)).toEqual([a.uuid, b.uuid]);
		expect(nodeData(first.staticData)).toEqual({ delivered: [a.uuid, b.uuid] });

		const again = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, body: deliveryOf([a, b]), staticData: first.staticData });
		expect(again.result.workflowData).toBeUndefined();
		expect(again.response).toEqual(expect.objectContaining({ status: 200, ended: true }));

		// A batch mixing repeats and new events (also one repeated inside the batch) runs the workflow for the new one only.
		const mixed = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, body: deliveryOf([b, c, c]), staticData: again.staticData });
		expect(mixed.result.workflowData![0].map((i) => i.json.uuid)).toEqual([c.uuid]);
		expect(nodeData(mixed.staticData).delivered).toEqual([a.uuid, b.uuid, c.uuid]);
	});

	it('remembers a bounded number of delivered UUIDs, the newest', async () => {
		const events = Array.from({ length: 2100 }, () => logEvent());
		let staticData: IDataObject = {};
		for (let i = 0; i < events.length; i += 700) {
			const delivery = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, body: deliveryOf(events.slice(i, i + 700)), staticData });
			expect(delivery.result.workflowData![0]).toHaveLength(700);
			staticData = delivery.staticData;
		}
		const delivered = nodeData(staticData).delivered as string[];
		expect(delivered).toEqual(events.slice(-2000).map((e) => e.uuid));
		const latest = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, body: deliveryOf(events.slice(-1)), staticData });
		expect(latest.result.workflowData).toBeUndefined();
	});

	it.each([
		['a body that is not JSON', '{"data": {"events": [', 'The body is not JSON'],
		['an empty body', '', 'data.events must be an array'],
		['a JSON string', '"hello"', 'data.events must be an array'],
		['an envelope without data', '{"eventType":"com.okta.event_hook"}', 'data.events must be an array'],
		['data.events that is not an array', '{"data":{"events":{"uuid":"x"}}}', 'data.events must be an array'],
		['a null event', '{"data":{"events":[null]}}', 'Event 0 is not an object'],
		['an event that is a number', '{"data":{"events":[{"uuid":"u1","eventType":"user.session.start"},7]}}', 'Event 1 is not an object'],
		['an event without uuid', '{"data":{"events":[{"eventType":"user.session.start"}]}}', 'Event 0 has no uuid or eventType'],
		['an event without eventType', '{"data":{"events":[{"uuid":"u1"}]}}', 'Event 0 has no uuid or eventType'],
		['an event whose target is not a list', '{"data":{"events":[{"uuid":"u1","eventType":"user.account.lock","target":"bob"}]}}', 'Event 0 is not an Okta System Log event'],
	])('answers %s with 400 and a short JSON message, starting nothing', async (_case, rawBody, message) => {
		const { result, response } = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET, 'Content-Type': 'application/json' }, rawBody });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ error: expect.stringContaining(message) });
		expect(result.workflowData).toBeUndefined();
		expect(nodeData((await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, rawBody })).staticData)).toEqual({});
	});

	it.each([
		['a wrong secret', { Authorization: 'guess' }],
		['a secret that is a prefix of the real one', { Authorization: SECRET.slice(0, -1) }],
		['no header', {}],
		['the secret in another header', { 'X-Okta-Secret': SECRET }],
	])('refuses a delivery with %s with 401 and starts nothing', async (_case, headers) => {
		const { result, response } = await engine.webhook(hookWorkflow(), HOOK, { headers, body: envelope() });
		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('takes header and secret from the Event Hook Secret credential, never from node parameters', async () => {
		const description = HOOK_TYPE().description;
		expect(description.credentials?.[0]).toEqual(expect.objectContaining({ name: 'secOpsOktaEventHookApi', required: true }));
		expect(description.properties.filter((p) => p.typeOptions?.password || /secret|header/i.test(p.name))).toEqual([]);

		const custom = withHookSecret(env, { headerName: 'X-Okta-Hook-Auth', secret: 'another-long-secret-0123456789abcdef' });
		// A workflow exported before the credential existed carried the secret as parameters: they no longer count.
		const legacy = hookWorkflow({ headerName: 'Authorization', secret: SECRET });
		expect((await custom.webhook(legacy, HOOK, { headers: { Authorization: SECRET }, body: envelope() })).response.status).toBe(401);
		const accepted = await custom.webhook(legacy, HOOK, { headers: { 'X-Okta-Hook-Auth': 'another-long-secret-0123456789abcdef' }, body: envelope() });
		expect(accepted.response.status).toBe(200);
		expect(accepted.result.workflowData![0]).toHaveLength(3);
		// An empty secret in the credential refuses everything.
		const empty = withHookSecret(env, { headerName: 'Authorization', secret: '' });
		expect((await empty.webhook(hookWorkflow(), HOOK, { headers: { Authorization: '' }, body: envelope() })).response.status).toBe(401);
	});

	it("tests the credential locally (nothing at Okta can) and refuses to register a hook with a short secret", async () => {
		const credentialTest = HOOK_TYPE().methods!.credentialTest!.eventHookSecret;
		const test = async (data: IDataObject) =>
			await credentialTest.call({} as never, { id: 'c', name: 'c', type: 'secOpsOktaEventHookApi', data: data as ICredentialDataDecryptedObject });
		expect(await test({ headerName: 'Authorization', secret: SECRET })).toEqual(expect.objectContaining({ status: 'OK' }));
		expect(await test({ headerName: 'Authorization', secret: 'short' })).toEqual({ status: 'Error', message: expect.stringContaining('at least 16') });
		expect(await test({ headerName: 'Bad Header:', secret: SECRET })).toEqual({ status: 'Error', message: expect.stringContaining('is not an HTTP header name') });

		const weak = withHookSecret(env, { headerName: 'Authorization', secret: 'short' });
		await expect(weak.webhookLifecycle(hookWorkflow({ register: true }), HOOK, 'create')).rejects.toThrow('The Event Hook Secret credential cannot protect the hook');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('refuses an oversized body with 413', async () => {
		const rawBody = JSON.stringify({ data: { events: [] }, padding: 'x'.repeat(1024 * 1024 + 10) });
		const { result, response } = await engine.webhook(hookWorkflow(), HOOK, { headers: { Authorization: SECRET }, rawBody });
		expect(response.status).toBe(413);
		expect(result.workflowData).toBeUndefined();
	});

	it('does nothing in Okta on activation and deactivation when registration is off', async () => {
		const workflow = hookWorkflow();
		expect((await engine.webhookLifecycle(workflow, HOOK, 'checkExists')).result).toBe(true);
		expect((await engine.webhookLifecycle(workflow, HOOK, 'delete')).result).toBe(true);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	describe('registration through the Event Hooks API', () => {
		let server: Server;
		let listener: Engine;
		let answerVerification = true;
		/** The routes n8n serves for the trigger: added in the order the node declares its webhooks, as n8n does. */
		const routes = new Set<string>();
		/** The workflow's static data as n8n persists it between deliveries. */
		let staticData: IDataObject = {};
		const delivered: IDataObject[] = [];
		const workflow = () => hookWorkflow({ register: true, eventTypes: 'user.session.start, user.account.lock', hookName: 'n8n test hook' });

		beforeAll(async () => {
			// Stands in for n8n's webhook listener: forwards what Okta (the sandbox) sends to the trigger, on registered routes.
			server = createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => {
					if (!routes.has(req.method ?? '')) {
						res.writeHead(404, { 'Content-Type': 'application/json' });
						res.end(JSON.stringify({ code: 404, message: `The requested webhook "${req.method} …/webhook" is not registered.` }));
						return;
					}
					const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
					const isGet = req.method === 'GET';
					const challenge = isGet && !answerVerification ? { ...headers, 'x-okta-verification-challenge': 'wrong' } : headers;
					void listener
						.webhook(workflow(), HOOK, { webhookName: isGet ? 'setup' : 'default', method: req.method, headers: challenge, rawBody: Buffer.concat(chunks).toString('utf8'), staticData })
						.then(({ result, response, staticData: saved }) => {
							staticData = saved;
							for (const item of result.workflowData?.[0] ?? []) delivered.push(item.json);
							res.writeHead(response.ended ? response.status : 200, { 'Content-Type': 'application/json' });
							res.end(response.ended && response.body !== undefined ? JSON.stringify(response.body) : '');
						});
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			const { port } = server.address() as AddressInfo;
			listener = withHookSecret(env, undefined, { webhookBaseUrl: `http://127.0.0.1:${port}` });
		});
		afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
		beforeEach(() => {
			answerVerification = true;
			delivered.length = 0;
			routes.clear();
			staticData = {};
		});

		/**
		 * n8n's activation (`ActiveWorkflowManager.addWebhooks`): for each webhook in declared order, serve its route,
		 * then run that webhook's `checkExists` and, when false, `create`.
		 */
		async function activate(): Promise<void> {
			const type = HOOK_TYPE();
			for (const webhook of type.description.webhooks ?? []) {
				routes.add(String(webhook.httpMethod));
				if (!type.webhookMethods?.[webhook.name]) continue;
				const exists = await listener.webhookLifecycle(workflow(), HOOK, 'checkExists', { webhookName: webhook.name, staticData });
				staticData = exists.staticData;
				if (!exists.result) staticData = (await listener.webhookLifecycle(workflow(), HOOK, 'create', { webhookName: webhook.name, staticData })).staticData;
			}
		}

		it('creates and verifies the hook on activation, receives deliveries once each, and removes it on deactivation', async () => {
			await activate();
			const [hook] = state().eventHooks;
			expect(hook).toEqual(expect.objectContaining({ name: 'n8n test hook', status: 'ACTIVE', verificationStatus: 'VERIFIED' }));
			expect(hook.channel.config.uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/a3c6d2a0-0000-4000-8000-00000000e0e0\/webhook$/);
			expect(hook.channel.config.authScheme).toEqual({ type: 'HEADER', key: 'Authorization', value: SECRET });
			expect(hook.events.items).toEqual(['user.session.start', 'user.account.lock']);
			expect(nodeData(staticData).hookId).toBe(hook.id);
			expect((await listener.webhookLifecycle(workflow(), HOOK, 'checkExists', { staticData })).result).toBe(true);

			oktaAdmin.seedSignInAnomaly(state(), { login: ALICE, kind: 'newLocation' });
			const deliveries = (await oktaAdmin.deliverEventHooks(state(), { count: 1 })) as { deliveries: Array<{ status: number }> };
			expect(deliveries.deliveries.map((d) => d.status)).toEqual([200]);
			expect(delivered.map((d) => [d.eventType, d.userLogin, d.riskLevel])).toEqual([['user.session.start', ALICE, 'HIGH']]);
			// Okta delivers the same event again: acknowledged, no second run.
			const again = (await oktaAdmin.deliverEventHooks(state(), { count: 1 })) as { deliveries: Array<{ status: number }> };
			expect(again.deliveries.map((d) => d.status)).toEqual([200]);
			expect(delivered).toHaveLength(1);

			const removed = await listener.webhookLifecycle(workflow(), HOOK, 'delete', { staticData });
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
			await expect(activate()).rejects.toThrow('Okta: Api validation failed: Verification of event hook failed.');
			expect(state().eventHooks).toEqual([]);
		});

		it('keeps the hook secret out of the error when Okta refuses the hook and quotes it', async () => {
			env.sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 400, method: 'POST', path: '^/api/v1/eventHooks$', message: `authScheme.value "${SECRET}" is not allowed` });
			const error = (await activate().catch((e: unknown) => e)) as Error & { description?: string };
			expect(error.message).toMatch(/^Okta: .*authScheme\.value "\[redacted\]" is not allowed/);
			expect(JSON.stringify({ message: error.message, description: error.description, error })).not.toContain(SECRET);
			expect(state().eventHooks).toEqual([]);
		});

		it('treats a hook already deleted in Okta as removed, but reports other failures', async () => {
			expect((await listener.webhookLifecycle(workflow(), HOOK, 'delete', { staticData: { [`node:${HOOK}`]: { hookId: 'who0000sbxabcdefghij' } } })).result).toBe(true);
			env.sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 403, path: 'eventHooks', message: 'You do not have permission to perform the requested action' });
			await expect(listener.webhookLifecycle(workflow(), HOOK, 'delete', { staticData: { [`node:${HOOK}`]: { hookId: 'who0000sbxabcdefghij' } } })).rejects.toThrow('You do not have permission');
		});
	});
});
