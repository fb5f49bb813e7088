import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { clientAssertion } from '../../nodes/ConductorOne/transport/tenant';

/** The ConductorOne sandbox over plain HTTP: what the node's tests rely on, checked without the node. */
describe('ConductorOne sandbox', () => {
	let sandbox: Sandbox;
	let base: string;
	let token: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		const sample = sandbox.credentials('conductorone');
		base = String(sample.tenantUrl);
		const response = await fetch(`${base}/auth/v1/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: String(sample.clientId),
				grant_type: 'client_credentials',
				client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
				client_assertion: clientAssertion(String(sample.clientId), base, sample.clientSecret),
			}),
		});
		const body = (await response.json()) as IDataObject;
		expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
		token = String(body.access_token);
	});
	afterAll(async () => await sandbox.close());

	const call = async (method: string, path: string, body?: unknown, bearer = token) => {
		const response = await fetch(`${base}${path}`, {
			method,
			headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	};

	it('refuses an access review create with a missing name, an unknown scope type or a completion date in the past or not RFC 3339', async () => {
		const scopeType = 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS';
		const refused = async (body: IDataObject) => {
			const answer = await call('POST', '/api/v1/access_review', body);
			expect(answer.status).toBe(400);
			expect(answer.body.code).toBe(3);
			return String(answer.body.message);
		};
		expect(await refused({ scopeType })).toBe('invalid request: display_name: value is required');
		expect(await refused({ displayName: '  ', scopeType })).toBe('invalid request: display_name: value is required');
		expect(await refused({ displayName: 'x', scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_USERS' })).toMatch(/^invalid request: scope_type: must be one of/);
		expect(await refused({ displayName: 'x', scopeType, completionDate: '2020-01-01T00:00:00Z' })).toBe('invalid request: completion_date: must be in the future');
		expect(await refused({ displayName: 'x', scopeType, completionDate: '2099-01-01' })).toBe('invalid request: completion_date: not an RFC 3339 timestamp');
		expect(await refused({ displayName: 'x', scopeType, ownerIds: ['u-nobody'] })).toBe('invalid request: owner_ids: no user u-nobody');
		expect((await call('POST', '/api/v1/access_review', { displayName: 'x', scopeType, colour: 'red' })).status).toBe(400);
		const created = await call('POST', '/api/v1/access_review', { displayName: 'x', scopeType, completionDate: '2099-01-01T00:00:00+02:00' });
		expect(created).toEqual({ status: 200, body: { accessReview: { accessReview: expect.objectContaining({ displayName: 'x', state: 'ACCESS_REVIEW_STATE_DRAFT', completionDate: '2098-12-31T22:00:00.000Z' }) }, expanded: [] } });
		const listed = await call('GET', '/api/v1/access_reviews?page_size=1');
		// The smallest page is 10.
		expect((listed.body.list as IDataObject[]).length).toBe(3);
		expect(listed.body.nextPageToken).toBe('');
	});

	it('answers google.rpc.Status errors with mapped HTTP statuses', async () => {
		expect(await call('GET', '/api/v1/users/u-alice', undefined, 'nope')).toEqual({ status: 401, body: { code: 16, message: 'invalid or expired access token', details: [] } });
		expect(await call('GET', '/api/v1/apps/app-none')).toEqual({ status: 404, body: { code: 5, message: 'app not found: app-none', details: [] } });
		const unknownField = await call('POST', '/api/v1/search/users', { mail: 'x' });
		expect(unknownField.status).toBe(400);
		expect(unknownField.body).toEqual(expect.objectContaining({ code: 3, message: expect.stringMatching(/^invalid request: .*mail/) }));
		const precondition = await call('POST', '/api/v1/task/revoke', { appId: 'app-okta', appEntitlementId: 'ent-okta-member', identityUserId: 'u-staff-001' });
		expect(precondition).toEqual({ status: 400, body: expect.objectContaining({ code: 9 }) });
		expect((await call('POST', '/api/v1/search/users', { pageToken: 'forged' })).body).toEqual(expect.objectContaining({ code: 3, message: 'invalid page token' }));
	});

	it('pages both ways: default 25, at least 10, at most 100, nextPageToken empty on the last page', async () => {
		const sizes = async (query: string) => ((await call('GET', `/api/v1/users${query}`)).body.list as unknown[]).length;
		expect(await sizes('')).toBe(25);
		expect(await sizes('?page_size=3')).toBe(10);
		expect(await sizes('?page_size=500')).toBe(100);
		const first = await call('POST', '/api/v1/search/users', { query: 'staff', pageSize: 100 });
		const second = await call('POST', '/api/v1/search/users', { query: 'staff', pageSize: 100, pageToken: first.body.nextPageToken });
		expect([(first.body.list as unknown[]).length, (second.body.list as unknown[]).length, second.body.nextPageToken]).toEqual([100, 10, '']);
	});

	it('expands on request: views point into expanded[] entries with @type', async () => {
		const { body } = await call('POST', '/api/v1/search/grants', { userId: 'u-alice', appIds: ['app-aws'], expandMask: { paths: ['app_id'] } });
		const [first] = body.list as IDataObject[];
		expect(first.appPath).toBe('$.expanded[0]');
		expect((body.expanded as IDataObject[])[0]).toEqual(expect.objectContaining({ '@type': 'type.googleapis.com/c1.api.app.v1.App', id: 'app-aws' }));
	});

	it('a revoke task: waiting for approval, approve → provisioning → closed REVOKED on the second read, the grant gone', async () => {
		const created = await call('POST', '/api/v1/task/revoke', { appId: 'app-aws', appEntitlementId: 'ent-aws-admin', identityUserId: 'u-alice' });
		const task = (created.body.taskView as IDataObject).task as IDataObject;
		expect(task).toEqual(expect.objectContaining({ state: 'TASK_STATE_OPEN', processing: 'TASK_PROCESSING_TYPE_WAITING', stepApproverIds: ['u-bob'] }));
		const approved = await call('POST', `/api/v1/tasks/${String(task.id)}/action/approve`, { comment: 'ok' });
		expect(((approved.body.taskView as IDataObject).task as IDataObject).processing).toBe('TASK_PROCESSING_TYPE_PROCESSING');
		const read = async () => ((await call('GET', `/api/v1/tasks/${String(task.id)}`)).body.taskView as IDataObject).task as IDataObject;
		expect((await read()).state).toBe('TASK_STATE_OPEN');
		expect(await read()).toEqual(expect.objectContaining({ state: 'TASK_STATE_CLOSED', type: { revoke: expect.objectContaining({ outcome: 'REVOKE_OUTCOME_REVOKED' }) } }));
		const grants = await call('POST', '/api/v1/search/grants', { userId: 'u-alice', appIds: ['app-aws'] });
		expect((grants.body.list as IDataObject[]).map((g) => (g.appEntitlementUserBinding as IDataObject).appEntitlementId)).toEqual(['ent-aws-readonly']);
	});

	it('registerApp plugs in another governed app (as a connector sync would): its grants are searched and revoked like any other', async () => {
		await sandbox.runAction('conductorone', 'registerApp', {
			id: 'app-jira',
			displayName: 'Jira',
			entitlements: [{ slug: 'role-administrator', displayName: 'Role: Administrator' }],
			accounts: [{ userId: 'u-carol', username: 'carol', entitlements: ['role-administrator'] }],
		});
		const grants = await call('POST', '/api/v1/search/grants', { userId: 'u-carol', appIds: ['app-jira'] });
		expect((grants.body.list as IDataObject[]).map((g) => g.appEntitlementUserBinding)).toEqual([expect.objectContaining({ appEntitlementId: 'ent-jira-role-administrator', appUserId: 'au-jira-carol' })]);
		const created = await call('POST', '/api/v1/task/revoke', { appId: 'app-jira', appEntitlementId: 'ent-jira-role-administrator', appUserId: 'au-jira-carol' });
		expect(((created.body.taskView as IDataObject).task as IDataObject).processing).toBe('TASK_PROCESSING_TYPE_PROCESSING');
		expect(((await call('GET', '/api/v1/apps/app-jira/connectors')).body.list as IDataObject[])[0]).toEqual({ connector: expect.objectContaining({ id: 'conn-jira' }) });
	});
});
