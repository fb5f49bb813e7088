import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine, testCredential } from '../harness';
import { clientAssertion, secretKey, tenantUrl } from '../../nodes/ConductorOne/transport/tenant';
import type { ConductorOneState } from '../../sandbox/vendors/conductorone/state';
import { C1_NODE, c1Workflow } from './workflow';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as IDataObject;

describe('ConductorOne credential: EdDSA client assertion, token caching and refresh', () => {
	let env: SandboxEngine;
	let sample: Record<string, string | number | boolean>;
	beforeAll(async () => {
		env = await startSandboxEngine();
		sample = env.sandbox.credentials('conductorone');
	});
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.engine.credentials.secOpsConductorOneApi = { clientId: sample.clientId, clientSecret: sample.clientSecret, tenantUrl: sample.tenantUrl, accessToken: '' };
	});

	const state = () => env.sandbox.state<ConductorOneState>('conductorone');
	const calls = () => env.sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
	const getUser = async () => {
		const result = await env.engine.run(c1Workflow({ resource: 'user', operation: 'get', userId: 'u-alice' }));
		return { json: result.json(C1_NODE), error: result.error(C1_NODE) };
	};

	it('signs an EdDSA assertion (nonce header, iss = sub = client ID, aud = host without port), caches the token and reuses it', async () => {
		const first = await getUser();
		expect(first.error).toBeUndefined();
		expect(first.json[0].id).toBe('u-alice');
		expect(calls()).toEqual(['POST /auth/v1/token 200', 'GET /api/v1/users/u-alice 200']);
		const form = env.sandbox.requests[0].body as IDataObject;
		expect(form).toEqual(expect.objectContaining({ client_id: sample.clientId, grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' }));
		const [header, claims] = String(form.client_assertion).split('.').map((part, i) => (i < 2 ? decode(part) : part)) as IDataObject[];
		expect(header).toEqual(expect.objectContaining({ alg: 'EdDSA', nonce: expect.stringMatching(/^[0-9a-f]{32}$/) }));
		expect(claims).toEqual(expect.objectContaining({ iss: sample.clientId, sub: sample.clientId, aud: ['127.0.0.1'] }));
		expect(Number(claims.exp) - Number(claims.nbf)).toBe(240);
		expect(env.engine.credentials.secOpsConductorOneApi.accessToken).toEqual(expect.stringMatching(/^sbx-/));

		env.sandbox.requests.length = 0;
		await getUser();
		expect(calls()).toEqual(['GET /api/v1/users/u-alice 200']);
		expect(state().tokens.size).toBe(1);
	});

	it('fetches a new token when ConductorOne answers 401 (token expired) and replays the call once', async () => {
		await getUser();
		await env.sandbox.runAction('conductorone', 'expireTokens', {});
		env.sandbox.requests.length = 0;
		const again = await getUser();
		expect(again.error).toBeUndefined();
		expect(calls()).toEqual(['GET /api/v1/users/u-alice 401', 'POST /auth/v1/token 200', 'GET /api/v1/users/u-alice 200']);
	});

	it('a client secret of the wrong format is a clear error, sent nowhere, the secret not repeated', async () => {
		for (const clientSecret of ['not-a-secret', 'secret-token:conductorone.com:v1:@@@', `secret-token:conductorone.com:v1:${Buffer.from('{"kty":"RSA"}').toString('base64url')}`]) {
			env.engine.credentials.secOpsConductorOneApi = { ...env.engine.credentials.secOpsConductorOneApi, clientSecret, accessToken: '' };
			env.sandbox.requests.length = 0;
			const { error } = await getUser();
			expect(`${error?.message} ${error?.description ?? ''}`).toMatch(/ConductorOne client secret (has the wrong format|does not contain)/);
			expect(`${error?.message} ${error?.description ?? ''}`).not.toContain(clientSecret.slice(0, 40));
			expect(calls().filter((c) => c.startsWith('POST /auth'))).toEqual([]);
		}
		expect(() => secretKey(undefined)).toThrow(/wrong format/);
	});

	it('the sandbox refuses a replayed nonce, another key, a wrong audience and an expired assertion', async () => {
		const tokenUrl = `${String(sample.tenantUrl)}/auth/v1/token`;
		const post = async (assertion: string) => {
			const response = await fetch(tokenUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ client_id: String(sample.clientId), grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }),
			});
			return { status: response.status, body: (await response.json()) as IDataObject };
		};
		const good = clientAssertion(String(sample.clientId), String(sample.tenantUrl), sample.clientSecret);
		expect((await post(good)).status).toBe(200);
		expect(await post(good)).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'The client_assertion nonce was already used.' } });
		const wrongAudience = clientAssertion(String(sample.clientId), 'https://acme.conductor.one', sample.clientSecret);
		expect((await post(wrongAudience)).body.error_description).toBe('The client_assertion aud must be 127.0.0.1.');
		const { generateKeyPairSync } = await import('node:crypto');
		const otherKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
		const other = clientAssertion(String(sample.clientId), String(sample.tenantUrl), `secret-token:conductorone.com:v1:${Buffer.from(JSON.stringify(otherKey)).toString('base64url')}`);
		expect((await post(other)).body.error_description).toMatch(/signature does not verify/);
		env.sandbox.clock('conductorone').advance(10 * 60_000);
		const expired = clientAssertion(String(sample.clientId), String(sample.tenantUrl), sample.clientSecret);
		expect((await post(expired)).body.error_description).toBe('The client_assertion has expired.');
	});

	it('a well-formed secret whose key ConductorOne does not know fails with ConductorOne’s reason', async () => {
		const { generateKeyPairSync } = await import('node:crypto');
		const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
		env.engine.credentials.secOpsConductorOneApi.clientSecret = `secret-token:conductorone.com:v1:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;
		const { error } = await getUser();
		expect(error?.message).toMatch(/ConductorOne did not issue an access token: The client_assertion signature does not verify with the client key/);
	});

	it('the tenant URL comes from the client ID unless overridden; the credential test calls introspect', async () => {
		expect(tenantUrl('strange-hydra-68836@acme.conductor.one/pcc', '')).toBe('https://acme.conductor.one');
		expect(tenantUrl('strange-hydra-68836@acme.conductor.one/pcc', 'http://127.0.0.1:9/c1/')).toBe('http://127.0.0.1:9/c1');
		expect(() => tenantUrl('no-tenant-here', '')).toThrow(/not of the form/);
		const result = await testCredential('secOpsConductorOneApi', { clientId: sample.clientId, clientSecret: sample.clientSecret, tenantUrl: sample.tenantUrl, accessToken: '' });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(calls()).toEqual(['POST /auth/v1/token 200', 'GET /api/v1/auth/introspect 200']);
	});
});
