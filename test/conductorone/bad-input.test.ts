import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { ConductorOneState } from '../../sandbox/vendors/conductorone/state';
import { C1_NODE, c1Workflow } from './workflow';

describe('ConductorOne bad input, vendor errors, lost answers and Continue On Fail', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.engine.credentials.secOpsConductorOneApi.accessToken = '';
	});

	const state = () => env.sandbox.state<ConductorOneState>('conductorone');
	const run = async (parameters: IDataObject, items?: IDataObject[], onError?: string) => {
		const result = await env.engine.run(c1Workflow(parameters, { onError }), items ? { items: items.map((json) => ({ json })) } : {});
		return { json: result.json(C1_NODE), error: result.error(C1_NODE) };
	};
	const apiCalls = () => env.sandbox.requests.filter((r) => r.path.startsWith('/api/'));

	it.each([
		['an empty email from item data', { resource: 'user', operation: 'search', searchBy: 'email', email: '={{ $json.email }}' }, { email: '' }, /Email is empty/],
		['a null email', { resource: 'user', operation: 'search', searchBy: 'email', email: '={{ $json.email }}' }, { email: null }, /Email is (null|empty)/],
		['a boolean as search text', { resource: 'entitlement', operation: 'search', query: '={{ $json.q }}' }, { q: true }, /Text is a boolean, not text/],
		['a user ID with a path', { resource: 'user', operation: 'get', userId: '={{ $json.id }}' }, { id: '../apps' }, /User ID "\.\.\/apps" is not a valid identifier/],
		['a missing task ID', { resource: 'task', operation: 'get', taskId: '={{ $json.nothing }}' }, {}, /Task ID is (missing|empty)/],
		['an empty entitlement list', { resource: 'access', operation: 'revokeAll', userId: 'u-alice', scope: 'entitlements', appIds: 'app-aws', entitlementIds: '={{ $json.list }}' }, { list: [] }, /Entitlement IDs is empty/],
		['several apps for chosen entitlements', { resource: 'access', operation: 'revokeAll', userId: 'u-alice', scope: 'entitlements', appIds: 'app-aws,app-github', entitlementIds: 'ent-aws-admin' }, {}, /Chosen Entitlements takes one app ID, not 2/],
		['an empty entry in the app list', { resource: 'access', operation: 'revokeAll', userId: 'u-alice', scope: 'apps', appIds: 'app-aws,,app-github' }, {}, /App IDs is empty/],
	])('%s is refused before anything is sent, naming the field and the item', async (_label, parameters, item, message) => {
		const { error } = await run(parameters, [item]);
		expect(error?.message).toMatch(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(apiCalls()).toEqual([]);
	});

	it("ConductorOne's google.rpc.Status message, code and HTTP status reach the error", async () => {
		const { error } = await run({ resource: 'user', operation: 'get', userId: 'u-nobody' });
		expect(error?.message).toBe('ConductorOne: user not found: u-nobody');
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toMatch(/NOT_FOUND|Nothing with that ID exists/);
		const refused = await run({ resource: 'task', operation: 'createGrant', appId: 'app-github', entitlementId: 'ent-github-member', userId: 'u-alice', emergencyAccess: true });
		expect(refused.error?.message).toBe('ConductorOne: emergency access is not enabled for entitlement ent-github-member');
		expect(refused.error?.httpCode).toBe('400');
	});

	it('Continue On Fail: a failing item becomes an error item paired to it, the others go on', async () => {
		const result = await env.engine.run(c1Workflow({ resource: 'user', operation: 'get', userId: '={{ $json.id }}' }, { onError: 'continueRegularOutput' }), {
			items: [{ json: { id: 'u-alice' } }, { json: { id: 'u-nobody' } }, { json: { id: '' } }, { json: { id: 'u-bob' } }],
		});
		const out = result.json(C1_NODE);
		expect(out.map((o) => o.id ?? o.error)).toEqual(['u-alice', 'ConductorOne: user not found: u-nobody', 'User ID is empty', 'u-bob']);
		const paired = result.run.data.resultData.runData[C1_NODE][0].data!.main[0]!.map((i) => (i.pairedItem as { item: number }).item);
		expect(paired).toEqual([0, 1, 2, 3]);
	});

	it('a search whose answer is lost is asked again; a revoke task whose answer is lost is not created twice', async () => {
		env.sandbox.faults.add({ vendor: 'conductorone', kind: 'timeoutAfterHandling', method: 'POST', path: '^/api/v1/search/grants$', times: 1, delayMs: 0 });
		const grants = await run({ resource: 'grant', operation: 'search', searchBy: 'user', userId: 'u-alice', returnAll: true });
		expect(grants.error).toBeUndefined();
		expect(grants.json).toHaveLength(17);

		// ConductorOne creates the task but the answer never arrives: the create is not sent again.
		env.sandbox.faults.add({ vendor: 'conductorone', kind: 'timeoutAfterHandling', method: 'POST', path: '^/api/v1/task/revoke$', times: 1, delayMs: 0 });
		const revoke = await run({ resource: 'task', operation: 'createRevoke', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: 'u-alice' });
		expect(revoke.error?.message).toMatch(/^ConductorOne.*It may have taken effect: check before repeating it/);
		expect(apiCalls().filter((r) => r.path === '/api/v1/task/revoke')).toHaveLength(1);
		expect(state().tasks).toHaveLength(1);
	});

	it('an approval whose answer was lost is confirmed by reading the task, not sent again', async () => {
		const created = await run({ resource: 'task', operation: 'createRevoke', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: 'u-alice' });
		const taskId = String(created.json[0].taskId);
		env.sandbox.faults.add({ vendor: 'conductorone', kind: 'timeoutAfterHandling', method: 'POST', path: '/action/approve$', times: 1, delayMs: 0 });
		const approved = await run({ resource: 'task', operation: 'approve', taskId });
		expect(approved.error).toBeUndefined();
		expect(approved.json[0]).toEqual(expect.objectContaining({ taskId, outcome: 'inProgress' }));
		expect(apiCalls().filter((r) => r.path.endsWith('/action/approve'))).toHaveLength(1);
	});

	it('429 RESOURCE_EXHAUSTED is waited out with Retry-After', async () => {
		env.sandbox.faults.add({ vendor: 'conductorone', kind: 'rateLimit', path: '^/api/v1/apps$', times: 1 });
		const apps = await run({ resource: 'app', operation: 'getMany', returnAll: true });
		expect(apps.error).toBeUndefined();
		expect(apps.json).toHaveLength(5); // the four seeded apps and the XSOAR app synced from the hosted XSOAR
		expect(apiCalls().map((r) => r.status)).toEqual([429, 200]);
	});
});
