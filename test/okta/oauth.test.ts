import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { oktaAdmin } from '../../sandbox/vendors/okta/admin';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { OKTA_NODE, byLogin, oktaWorkflow } from './workflow';
import { SecOpsOktaOAuth2Api } from '../../credentials/SecOpsOktaOAuth2Api.credentials';
import { newDpopKey } from '../../credentials/SecOpsOktaOAuth2.jwt';

const ALICE = 'alice.anders@acme.example';

describe('Okta OAuth 2.0 service app credential (private_key_jwt, Bearer and DPoP)', () => {
	let env: SandboxEngine;
	let sample: Record<string, string | number | boolean>;
	beforeAll(async () => {
		env = await startSandboxEngine();
		sample = env.sandbox.credentials('okta');
	});
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<OktaState>('okta');
	const useCredential = (overrides: IDataObject = {}) => {
		env.engine.credentials.secOpsOktaOAuth2Api = {
			url: sample.url,
			clientId: sample.clientId,
			privateKey: sample.privateKey,
			scopes: sample.scopes,
			useDpop: false,
			...overrides,
		};
	};
	const run = async (operation = 'get', extra: IDataObject = {}) => {
		const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation, user: byLogin(ALICE), ...extra }, { authentication: 'oAuth2' }));
		return { json: result.json(OKTA_NODE), error: result.error(OKTA_NODE) };
	};
	const calls = () => env.sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

	it('gets a Bearer token with a signed client assertion, caches it, and reuses it', async () => {
		useCredential();
		const first = await run();
		expect(first.error).toBeUndefined();
		expect(first.json[0].login).toBe(ALICE);
		expect(calls()).toEqual(['POST /oauth2/v1/token 200', `GET /api/v1/users/${encodeURIComponent(ALICE)} 200`]);
		const tokenCall = env.sandbox.requests[0].body as IDataObject;
		expect(tokenCall).toEqual(expect.objectContaining({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' }));
		expect(String(tokenCall.scope).split(' ')).toEqual(expect.arrayContaining(['okta.users.read', 'okta.logs.read']));
		expect(env.engine.credentials.secOpsOktaOAuth2Api).toEqual(expect.objectContaining({ accessToken: expect.any(String), authScheme: 'Bearer' }));

		env.sandbox.requests.length = 0;
		await run();
		expect(calls()).toEqual([`GET /api/v1/users/${encodeURIComponent(ALICE)} 200`]);
		expect(state().oauth.tokens.size).toBe(1);
	});

	it('does DPoP: retries the token call with the nonce, then sends a per-request proof bound to the token', async () => {
		useCredential({ clientId: sample.dpopClientId, useDpop: true });
		const suspended = await run('suspend');
		expect(suspended.error).toBeUndefined();
		expect(suspended.json[0].outcome).toBe('suspended');
		expect(calls()).toEqual([
			'POST /oauth2/v1/token 400',
			'POST /oauth2/v1/token 200',
			`POST /api/v1/users/${encodeURIComponent(ALICE)}/lifecycle/suspend 200`,
		]);
		const [token] = [...state().oauth.tokens.values()];
		expect(token.jkt).toEqual(expect.any(String));
		expect(env.engine.credentials.secOpsOktaOAuth2Api.authScheme).toBe('DPoP');
		// A second call needs a new proof (the sandbox refuses a replayed jti).
		expect((await run('unsuspend')).json[0].outcome).toBe('unsuspended');
	});

	it('fetches a new token when Okta answers 401 for an expired one, and the call succeeds', async () => {
		useCredential({ clientId: sample.dpopClientId, useDpop: true });
		await run();
		oktaAdmin.expireOAuthTokens(state(), {});
		env.sandbox.requests.length = 0;
		const again = await run();
		expect(again.error).toBeUndefined();
		expect(calls()).toEqual([
			`GET /api/v1/users/${encodeURIComponent(ALICE)} 401`,
			'POST /oauth2/v1/token 400',
			'POST /oauth2/v1/token 200',
			`GET /api/v1/users/${encodeURIComponent(ALICE)} 200`,
		]);
	});

	it('refuses a DPoP-required app when DPoP is off, with the reason Okta gives', async () => {
		useCredential({ clientId: sample.dpopClientId, useDpop: false });
		const { error } = await run();
		expect(error?.message).toMatch(/DPoP proof JWT header is missing/);
		expect(calls()).toEqual(['POST /oauth2/v1/token 400']);
	});

	it('refuses an assertion signed with another key', async () => {
		const { generateKeyPairSync } = await import('node:crypto');
		const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		useCredential({ privateKey: other });
		const { error } = await run();
		expect(error?.message).toMatch(/client_assertion signature is invalid/);
	});

	it('answers 403 E0000006 when the token lacks the scope the operation needs', async () => {
		useCredential({ scopes: 'okta.users.read okta.logs.read' });
		const { error } = await run('suspend');
		expect(error?.message).toBe('Okta: You do not have permission to perform the requested action');
		expect(error?.httpCode).toBe('403');
		expect(state().users.find((u) => u.profile.login === ALICE)?.status).toBe('ACTIVE');
	});

	it('drives the Okta Trigger with the OAuth credential too', async () => {
		useCredential({ clientId: sample.dpopClientId, useDpop: true });
		const workflow = {
			nodes: [
				{
					id: '7c0c3e0e-0000-4000-8000-0000000000c1',
					name: 'Okta Trigger',
					type: 'n8n-nodes-secops.oktaTrigger',
					typeVersion: 1,
					position: [0, 0] as [number, number],
					parameters: { authentication: 'oAuth2', event: 'failedSignIns' },
					credentials: { secOpsOktaOAuth2Api: { id: 'okta-oauth', name: 'Okta OAuth' } },
				},
			],
			connections: {},
		};
		const events = await env.engine.poll(workflow, 'Okta Trigger', { mode: 'manual' });
		expect(events.items.length).toBeGreaterThan(0);
		expect(env.sandbox.requests.at(-1)).toEqual(expect.objectContaining({ path: '/api/v1/logs', status: 200 }));
	});

	it('binds the DPoP proof to the full URL when the org URL has a path (credential test requests are relative)', async () => {
		const credential = new SecOpsOktaOAuth2Api();
		const options = await credential.authenticate(
			{ url: 'http://127.0.0.1:4010/okta', accessToken: 'at-1', authScheme: 'DPoP', dpopPrivateKey: newDpopKey() },
			{ method: 'GET', baseURL: 'http://127.0.0.1:4010/okta', url: '/api/v1/users', qs: { limit: 1 } },
		);
		const proof = String((options.headers as IDataObject).DPoP);
		const claims = JSON.parse(Buffer.from(proof.split('.')[1], 'base64url').toString()) as IDataObject;
		expect(claims.htu).toBe('http://127.0.0.1:4010/okta/api/v1/users');
		expect(claims.htm).toBe('GET');
	});
});
