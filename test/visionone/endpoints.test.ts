import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import { VISION_ONE_NODE, visionOneWorkflow } from './workflow';

const SHA256 = 'a'.repeat(64);

describe('Vision One endpoints and the block list through WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<VisionOneState>('visionone');
	const endpoint = (name: string) => state().endpoints.find((e) => e.endpointName === name)!;
	const run = async (resource: string, operation: string, extra: Record<string, unknown>) => {
		const result = await env.engine.run(visionOneWorkflow({ resource, operation, ...extra }));
		return { json: result.json(VISION_ONE_NODE), error: result.error(VISION_ONE_NODE) };
	};

	it('Isolate isolates the endpoint once its task succeeds; Restore (at /response/endpoints/restore) reverses it', async () => {
		const isolated = await run('endpoint', 'isolate', { endpoints: 'FIN-LAPTOP-07, unknown-host', description: 'WB-9002' });
		expect(isolated.json).toEqual([
			expect.objectContaining({ endpoint: 'FIN-LAPTOP-07', outcome: 'isolated', taskStatus: 'succeeded', task: expect.objectContaining({ action: 'isolate', endpointName: 'FIN-LAPTOP-07' }) }),
			expect.objectContaining({ endpoint: 'unknown-host', outcome: 'failed', error: { code: 'BadRequest', message: 'Target not found.' } }),
		]);
		expect(endpoint('FIN-LAPTOP-07').isolated).toBe(true);
		const guid = endpoint('FIN-LAPTOP-07').agentGuid;
		const restored = await run('endpoint', 'restore', { identifyBy: 'agentGuid', endpoints: guid });
		expect(restored.json).toEqual([expect.objectContaining({ endpoint: guid, outcome: 'restored', task: expect.objectContaining({ action: 'restoreIsolate' }) })]);
		expect(endpoint('FIN-LAPTOP-07').isolated).toBe(false);
		expect(env.sandbox.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/v3.0/response/endpoints/isolate', '/v3.0/response/endpoints/restore']);
		expect(env.sandbox.requests.find((r) => r.path.endsWith('/restore'))!.body).toEqual([{ agentGuid: guid }]);
	});

	it('Get looks endpoints up by name, IP or agent GUID, with the value quoted', async () => {
		const byName = await run('endpoint', 'get', { lookUpBy: 'endpointName', value: 'nimda' });
		expect(byName.json).toEqual([expect.objectContaining({ agentGuid: endpoint('nimda').agentGuid, endpointName: expect.objectContaining({ value: 'nimda' }) })]);
		const byIp = await run('endpoint', 'get', { lookUpBy: 'ip', value: '10.10.7.21' });
		expect(byIp.json.map((e) => (e.endpointName as { value: string }).value)).toEqual(['FIN-LAPTOP-07']);
		const injected = await run('endpoint', 'get', { value: "x' or osName eq 'Windows" });
		expect(injected.json).toEqual([]);
		const empty = await run('endpoint', 'get', { value: '={{ "" }}' });
		expect(empty.error?.message).toBe('Value is empty');
	});

	it('Add blocks objects (at /response/suspiciousObjects) and Remove unblocks them', async () => {
		const added = await run('suspiciousObject', 'add', { objectType: 'fileSha256', values: [SHA256] });
		expect(added.json).toEqual([expect.objectContaining({ type: 'fileSha256', value: SHA256, outcome: 'blocked', task: expect.objectContaining({ action: 'block', fileSha256: SHA256 }) })]);
		expect(state().blockList.has(`fileSha256:${SHA256}`)).toBe(true);
		const urls = await run('suspiciousObject', 'add', { objectType: 'url', values: 'https://evil.example/a,b\nhttps://evil.example/c' });
		expect(urls.json.map((r) => r.value)).toEqual(['https://evil.example/a,b', 'https://evil.example/c']);
		const removed = await run('suspiciousObject', 'remove', { objectType: 'fileSha256', values: SHA256 });
		expect(removed.json[0]).toEqual(expect.objectContaining({ outcome: 'unblocked' }));
		expect(state().blockList.has(`fileSha256:${SHA256}`)).toBe(false);
		expect(env.sandbox.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
			'/v3.0/response/suspiciousObjects',
			'/v3.0/response/suspiciousObjects',
			'/v3.0/response/suspiciousObjects/delete',
		]);
	});

	it('Fail on Any Error names the failed object by its value', async () => {
		const { error } = await run('suspiciousObject', 'add', { objectType: 'domain', values: 'bad.example, access_denied', failOnAnyError: true });
		expect(error?.message).toBe("Vision One: 1 of 2 targets failed (access_denied: The target is not in the user's management scope.)");
		expect(state().blockList.has('domain:bad.example')).toBe(true);
	});

	it('refuses a hash of the wrong shape and empty values before sending anything', async () => {
		expect((await run('suspiciousObject', 'add', { objectType: 'fileSha1', values: SHA256 })).error?.message).toBe(`Values "${SHA256}" is not a SHA-1 hash`);
		expect((await run('suspiciousObject', 'add', { objectType: 'domain', values: 'a.example,,b.example' })).error?.message).toBe('Values (entry 2) is empty');
		expect((await run('endpoint', 'isolate', { endpoints: '={{ null }}' })).error?.message).toBe('Endpoints is null, not text');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('Dry Run shows the isolate request without sending it', async () => {
		const { json } = await run('endpoint', 'isolate', { endpoints: 'nimda', dryRun: true });
		expect(json[0]).toEqual(expect.objectContaining({ dryRun: true, method: 'POST', body: [{ endpointName: 'nimda' }] }));
		expect(env.sandbox.requests).toHaveLength(0);
		expect(endpoint('nimda').isolated).toBe(false);
	});
});
