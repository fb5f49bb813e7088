import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { startTlsFront } from '../../sandbox/vendors/pam360/tls';
import type { TlsFront } from '../../sandbox/vendors/pam360/tls';
import type { TokenType } from './helpers';
import { locator, pam360Credential, pam360Engine, pam360Workflow } from './helpers';

/** All ten operations against PAM360 on HTTPS with a self-signed certificate (the usual on-prem install). */
const OPERATIONS: Array<[string, IDataObject]> = [
	['Resource Create', { resource: 'resource', operation: 'create', resourceName: 'TLS-01', accountName: 'svc' }],
	['Resource Update', { resource: 'resource', operation: 'update', pamResource: locator('name', 'TLS-01'), updateFields: { location: 'DC West' } }],
	['Resource Get Many', { resource: 'resource', operation: 'getMany', returnAll: true }],
	['Resource Get IDs', { resource: 'resource', operation: 'getIds', resourceName: 'TLS-01', accountName: 'svc' }],
	['Account Create', { resource: 'account', operation: 'create', pamResource: locator('name', 'TLS-01'), accountName: 'svc2' }],
	['Account Update', { resource: 'account', operation: 'update', pamResource: locator('name', 'TLS-01'), pamAccount: locator('name', 'svc2'), updateFields: { notes: 'tls' } }],
	['Account Get Many', { resource: 'account', operation: 'getMany', pamResource: locator('name', 'TLS-01'), returnAll: true }],
	['Account Get Details', { resource: 'account', operation: 'getDetails', pamResource: locator('name', 'TLS-01'), pamAccount: locator('name', 'svc') }],
	['Password Change', { resource: 'password', operation: 'change', pamResource: locator('name', 'TLS-01'), pamAccount: locator('name', 'svc'), resetType: 'REMOTE' }],
	['Password Get', { resource: 'password', operation: 'get', pamResource: locator('name', 'TLS-01'), pamAccount: locator('name', 'svc') }],
];

describe.each<TokenType>(['apiUser', 'appToken'])('PAM360 over HTTPS (%s)', (tokenType) => {
	let sandbox: Sandbox;
	let tls: TlsFront;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		tls = await startTlsFront(sandbox.url);
		sandbox.reset();
	});
	afterAll(async () => {
		await tls.close();
		await sandbox.close();
	});

	it('runs every operation with Ignore SSL Issues', async () => {
		const engine = pam360Engine(sandbox, pam360Credential(sandbox, tokenType, { url: `${tls.url}/pam360`, allowUnauthorizedCerts: true }));
		for (const [label, parameters] of OPERATIONS) {
			const result = await engine.run(pam360Workflow(parameters));
			expect([label, result.error('PAM360')?.message]).toEqual([label, undefined]);
			expect(result.json('PAM360').length).toBeGreaterThan(0);
		}
		expect(sandbox.state<{ resources: Array<{ name: string; location: string }> }>('pam360').resources.find((r) => r.name === 'TLS-01')?.location).toBe('DC West');
	});

	it.each(OPERATIONS)('refuses %s without Ignore SSL Issues, sending nothing', async (_label, parameters) => {
		const engine = pam360Engine(sandbox, pam360Credential(sandbox, tokenType, { url: `${tls.url}/pam360` }));
		const before = sandbox.requests.length;
		const result = await engine.run(pam360Workflow(parameters));
		expect(result.error('PAM360')?.message).toMatch(/^PAM360 request failed: .*(self[- ]signed|certificate)/i);
		expect(sandbox.requests.length).toBe(before);
	});
});
