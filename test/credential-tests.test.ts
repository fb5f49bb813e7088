import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { VENDORS } from '../vendors/registry';
import { registeredCredentials, testCredential } from './harness';

/**
 * Every credential type of every vendor, tested the way n8n's credential "Test" button does (harness/credential-test.ts)
 * against the sandbox over HTTP: the registry's sample credentials pass, a wrong secret fails (refused by the vendor's
 * authentication, or by the node's `testedBy` check for a secret the vendor sends to us).
 */
const CASES = VENDORS.flatMap((vendor) =>
	vendor.credentials.map((credential) => ({ vendor, credential, name: `${vendor.displayName} ${credential.type}` })),
);

describe('credential tests against the sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const sample = (prefix: string) => sandbox.credentials(prefix);
	const answered = () => sandbox.requests.map((r) => ({ call: `${r.method} ${r.path}`, status: r.status }));
	/** The path the type's `test.request` calls; undefined for a type a node's `testedBy` function tests (no HTTP). */
	const testPath = (type: string) => registeredCredentials().get(type)?.test?.request.url;

	describe.each(CASES)('$name', ({ vendor, credential }) => {
		it('succeeds with the sample credentials, every call answered 2xx, the test request last', async () => {
			const result = await testCredential(credential.type, credential.sample(sample(vendor.sandbox.prefix)));
			const path = testPath(credential.type);
			expect(result).toEqual({ status: 'OK', message: path === undefined ? expect.any(String) : 'Connection successful!' });
			expect(answered().every((r) => r.status >= 200 && r.status < 300)).toBe(true);
			if (path !== undefined) expect(answered().at(-1)?.call).toBe(`GET ${path}`);
		});

		it('fails with a wrong secret, every call the vendor answered refused (401/403)', async () => {
			const valid = credential.sample(sample(vendor.sandbox.prefix));
			const data = { ...valid, ...credential.wrongSecret(valid) };
			const result = await testCredential(credential.type, data);
			expect(result.status).toBe('Error');
			if (testPath(credential.type) !== undefined) expect(answered().length).toBeGreaterThan(0);
			expect(answered().every((r) => r.status === 401 || r.status === 403)).toBe(true);
		});
	});
});
