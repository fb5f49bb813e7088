import type { SandboxEngine } from '../harness';
import { Engine, sandboxCredentials, startSandboxEngine } from '../harness';
import { VISION_ONE_NODE, visionOneWorkflow } from './workflow';

describe('Vision One credential: region or custom base URL', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const withCredential = (credential: Record<string, unknown>) => new Engine({ ...sandboxCredentials(env.sandbox), secOpsVisionOneApi: credential as never });

	it.each([
		['https://api.xdr.trendmicro.com', 'https://api.xdr.trendmicro.com'],
		['https://api.eu.xdr.trendmicro.com', 'https://api.eu.xdr.trendmicro.com'],
		['https://api.xdr.trendmicro.co.jp', 'https://api.xdr.trendmicro.co.jp'],
	])('region %s is the base URL, with /v3.0 in every path', async (region, base) => {
		const engine = withCredential({ region, apiKey: 'k' });
		const result = await engine.run(visionOneWorkflow({ resource: 'account', operation: 'disable', accounts: 'alice@acme.com', dryRun: true }));
		expect(result.json(VISION_ONE_NODE)[0].url).toBe(`${base}/v3.0/response/domainAccounts/disable`);
	});

	it('refuses a custom base URL that is not a URL, naming the field', async () => {
		const engine = withCredential({ region: 'custom', url: 'visionone.local', apiKey: 'k' });
		const result = await engine.run(visionOneWorkflow({ resource: 'task', operation: 'get', taskId: '00000001' }));
		expect(result.error(VISION_ONE_NODE)?.message).toBe('The Vision One credential\'s Base URL "visionone.local" is not a URL');
	});

	it('a wrong API key is the vendor 401, its key never in the error', async () => {
		const wrongKey = `${String(env.sandbox.credentials('visionone').apiKey)}-wrong`;
		const engine = withCredential({ region: 'custom', url: env.sandbox.vendorUrl('visionone'), apiKey: wrongKey });
		const result = await engine.run(visionOneWorkflow({ resource: 'task', operation: 'get', taskId: '00000001' }));
		const error = result.error(VISION_ONE_NODE);
		expect(error?.message).toBe('Vision One: The API key is invalid or expired.');
		expect(JSON.stringify(error)).not.toContain(wrongKey);
	});

	it('Return All refuses a next-page link off the credential origin instead of returning part of the list', async () => {
		// The sandbox answers on 127.0.0.1; a credential naming localhost gets links on another origin.
		const engine = withCredential({ region: 'custom', url: env.sandbox.vendorUrl('visionone').replace('127.0.0.1', 'localhost'), apiKey: String(env.sandbox.credentials('visionone').apiKey) });
		const result = await engine.run(visionOneWorkflow({ resource: 'alert', operation: 'getMany', startDateTime: '2020-01-01T00:00:00Z', returnAll: true }));
		expect(result.error(VISION_ONE_NODE)?.message).toBe("Vision One's next-page link is not on the credential's base URL, so it was not followed");
		expect(env.sandbox.requests.filter((r) => r.path === '/v3.0/workbench/alerts')).toHaveLength(1);
	});
});
