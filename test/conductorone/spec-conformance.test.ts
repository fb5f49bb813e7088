import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine, testCredential } from '../harness';
import type { RecordedRequest } from '../../sandbox';
import subset from './conductorone-spec-subset.json';
import { C1_NODE, c1Workflow } from './workflow';

/** Generated from conductorone.openapi.yaml by scripts/conductorone-spec-subset.ts (tests cannot read the spec itself). */
interface SpecOperation {
	method: string;
	path: string;
	operationId: string;
	query: string[];
	requiredQuery: string[];
	/** JSON body property names; null when the operation takes no body. */
	body: string[] | null;
}
const OPERATIONS = (subset.operations as SpecOperation[]).map((op) => ({ ...op, regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

/**
 * Operations the OpenAPI spec lacks but ConductorOne's Go SDK has (`accessreview.go`, request and response models in
 * `pkg/models/shared`), with the query and body fields of the SDK's request types.
 */
const GO_SDK_ONLY: SpecOperation[] = [
	{ method: 'POST', path: '/api/v1/access_review', operationId: 'Go SDK AccessReview.Create', query: [], requiredQuery: [], body: ['displayName', 'description', 'policyId', 'ownerIds', 'completionDate', 'scopeType', 'notificationConfig', 'duplicateFrom', 'expandMask'] },
	{ method: 'GET', path: '/api/v1/access_reviews', operationId: 'Go SDK AccessReview.List', query: ['page_size', 'page_token'], requiredQuery: [], body: null },
	{ method: 'GET', path: '/api/v1/access_review/{id}', operationId: 'Go SDK AccessReview.Get', query: [], requiredQuery: [], body: null },
];
const ALL_OPERATIONS = [...OPERATIONS, ...GO_SDK_ONLY.map((op) => ({ ...op, regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }))];

function specFor(request: Pick<RecordedRequest, 'method' | 'path'>) {
	return ALL_OPERATIONS.find((op) => op.method === request.method && op.regex.test(request.path));
}

function problemsOf(request: RecordedRequest): string[] {
	const op = specFor(request);
	const at = `${request.method} ${request.path}`;
	if (!op) return [`${at}: no such operation in the spec`];
	const problems = Object.keys(request.query)
		.filter((name) => !op.query.includes(name))
		.map((name) => `${at}: query parameter "${name}" is not in ${op.operationId}`);
	for (const name of op.requiredQuery) if (!(name in request.query)) problems.push(`${at}: required query parameter "${name}" missing`);
	const body = request.body as IDataObject | undefined;
	if (body && typeof body === 'object' && Object.keys(body).length > 0) {
		if (op.body === null) problems.push(`${at}: sends a body, ${op.operationId} takes none`);
		else for (const field of Object.keys(body)) if (!op.body.includes(field)) problems.push(`${at}: body field "${field}" is not in ${op.operationId}`);
	}
	return problems;
}

describe("every request the ConductorOne node sends matches ConductorOne's OpenAPI spec", () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());

	const run = async (parameters: IDataObject) => {
		const result = await env.engine.run(c1Workflow(parameters));
		expect(result.error(C1_NODE)?.message).toBeUndefined();
		return result.json(C1_NODE);
	};

	it('runs every operation and the credential test, and checks method, path, query and body fields of each call', async () => {
		env.sandbox.reset();
		const wait = { waitForCompletion: true, waitSeconds: 10 };
		await run({ resource: 'user', operation: 'get', userId: 'u-alice' });
		await run({ resource: 'user', operation: 'search', searchBy: 'email', email: 'alice.anders@acme.example' });
		await run({ resource: 'user', operation: 'search', searchBy: 'query', query: 'staff', returnAll: true });
		await run({ resource: 'app', operation: 'get', appId: 'app-aws' });
		await run({ resource: 'app', operation: 'getMany', returnAll: true });
		await run({ resource: 'entitlement', operation: 'getMany', appId: 'app-github', returnAll: true });
		await run({ resource: 'entitlement', operation: 'search', query: 'admin', appIds: 'app-aws', limit: 5 });
		await run({ resource: 'appUser', operation: 'search', searchBy: 'user', userId: 'u-alice', appId: 'app-aws', returnAll: true });
		await run({ resource: 'appUser', operation: 'search', searchBy: 'query', query: 'alice', returnAll: true });
		await run({ resource: 'grant', operation: 'search', searchBy: 'user', userId: 'u-alice', returnAll: true });
		await run({ resource: 'grant', operation: 'search', searchBy: 'entitlement', appId: 'app-okta', entitlementId: 'ent-okta-member', returnAll: true });
		const [pending] = await run({ resource: 'task', operation: 'createRevoke', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: 'u-alice', reason: 'INC-9' });
		await run({ resource: 'task', operation: 'comment', taskId: pending.taskId, comment: 'looking' });
		await run({ resource: 'task', operation: 'approve', taskId: pending.taskId, comment: 'ok', ...wait });
		const [other] = await run({ resource: 'task', operation: 'createRevoke', appId: 'app-salesforce', entitlementId: 'ent-salesforce-admin', subjectType: 'appUser', appUserId: 'au-salesforce-alice' });
		await run({ resource: 'task', operation: 'deny', taskId: other.taskId, comment: 'no' });
		await run({ resource: 'task', operation: 'get', taskId: other.taskId });
		await run({ resource: 'task', operation: 'createGrant', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: 'u-carol', durationMinutes: 30, emergencyAccess: true, ...wait });
		await run({ resource: 'task', operation: 'createOffboarding', userId: 'u-dan', reason: 'INC-9', ...wait });
		await run({ resource: 'task', operation: 'search', subjectUserId: 'u-alice', taskState: 'any', taskTypes: ['revoke', 'grant'], returnAll: true });
		await run({ resource: 'access', operation: 'revokeAll', userId: 'u-alice', scope: 'apps', appIds: 'app-github', ...wait });
		await run({ resource: 'connector', operation: 'forceSync', appId: 'app-github', connectorId: 'conn-github' });
		await run({ resource: 'connector', operation: 'getMany', appId: 'app-github', returnAll: true });
		const completionDate = new Date(Date.now() + 7 * 86_400_000).toISOString();
		const [review] = await run({ resource: 'accessReview', operation: 'create', displayName: 'INC-9 review', scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', additionalFields: { description: 'd', policyId: 'pol-manager', ownerIds: 'u-bob', completionDate } });
		await run({ resource: 'accessReview', operation: 'getMany', returnAll: true });
		await run({ resource: 'accessReview', operation: 'get', accessReviewId: review.id });
		const credential = env.sandbox.credentials('conductorone');
		expect((await testCredential('secOpsConductorOneApi', { ...credential, accessToken: '' })).status).toBe('OK');

		const requests = env.sandbox.requests.filter((r) => !r.path.startsWith('/auth/'));
		expect(requests.length).toBeGreaterThan(40);
		expect(requests.flatMap(problemsOf)).toEqual([]);
		const used = new Set(requests.map((r) => specFor(r)?.operationId));
		expect([...used].sort()).toEqual([...subset.operations, ...GO_SDK_ONLY].map((op) => op.operationId).sort());
	});

	it('would catch a request the spec does not allow', () => {
		const bogusBody = { method: 'POST', path: '/api/v1/task/revoke', query: {}, body: { appId: 'a', appEntitlementId: 'e', userId: 'u' } } as unknown as RecordedRequest;
		expect(problemsOf(bogusBody)).toEqual(['POST /api/v1/task/revoke: body field "userId" is not in c1.api.task.v1.TaskService.CreateRevokeTask']);
		const bogusQuery = { method: 'GET', path: '/api/v1/apps', query: { pageSize: ['10'] } } as unknown as RecordedRequest;
		expect(problemsOf(bogusQuery)).toEqual(['GET /api/v1/apps: query parameter "pageSize" is not in c1.api.app.v1.Apps.List']);
		expect(problemsOf({ method: 'DELETE', path: '/api/v1/tasks/t1', query: {} } as unknown as RecordedRequest)).toEqual(['DELETE /api/v1/tasks/t1: no such operation in the spec']);
	});
});
