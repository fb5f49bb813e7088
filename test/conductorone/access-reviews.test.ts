import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { ConductorOneState } from '../../sandbox/vendors/conductorone/state';
import { C1_NODE, c1Workflow } from './workflow';

describe('ConductorOne Access Review: Create, Get Many, Get through n8n-core WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.engine.credentials.secOpsConductorOneApi.accessToken = '';
	});

	const state = () => env.sandbox.state<ConductorOneState>('conductorone');
	const run = async (parameters: IDataObject, items?: IDataObject[], onError?: string) => {
		const result = await env.engine.run(c1Workflow({ resource: 'accessReview', ...parameters }, { onError }), items ? { items: items.map((json) => ({ json })) } : {});
		return { json: result.json(C1_NODE), error: result.error(C1_NODE), output: result.output(C1_NODE) };
	};
	const ok = async (parameters: IDataObject) => {
		const { json, error } = await run(parameters);
		expect(error?.message).toBeUndefined();
		return json;
	};
	const apiCalls = () => env.sandbox.requests.filter((r) => r.path.startsWith('/api/'));
	const future = new Date(Date.now() + 14 * 86_400_000).toISOString();

	it('creates a draft campaign with every field, sent once, and reads it back with Get', async () => {
		const [review] = await ok({
			operation: 'create',
			displayName: ' INC-42 post-incident review ',
			scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS',
			additionalFields: { description: 'What alice could reach', policyId: 'pol-manager', ownerIds: 'u-bob, u-carol', completionDate: future },
		});
		expect(review).toEqual(
			expect.objectContaining({
				id: 'ar-0003',
				displayName: 'INC-42 post-incident review',
				description: 'What alice could reach',
				policyId: 'pol-manager',
				scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS',
				state: 'ACCESS_REVIEW_STATE_DRAFT',
				completionDate: future,
				createdById: 'u-svc-n8n',
				createdAt: expect.any(String),
			}),
		);
		const sent = apiCalls().filter((r) => r.path === '/api/v1/access_review');
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({
			displayName: 'INC-42 post-incident review',
			scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS',
			description: 'What alice could reach',
			policyId: 'pol-manager',
			ownerIds: ['u-bob', 'u-carol'],
			completionDate: future,
		});
		expect(state().accessReviews.at(-1)!.ownerIds).toEqual(['u-bob', 'u-carol']);
		const [got] = await ok({ operation: 'get', accessReviewId: review.id });
		expect(got).toEqual(review);
		expect(apiCalls().at(-1)!.path).toBe('/api/v1/access_review/ar-0003');
	});

	it('creates with only the required fields, scoped by access conflicts', async () => {
		const [review] = await ok({ operation: 'create', displayName: 'SoD check', scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ACCESS_CONFLICTS' });
		expect(review).toEqual(expect.objectContaining({ displayName: 'SoD check', scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ACCESS_CONFLICTS', state: 'ACCESS_REVIEW_STATE_DRAFT' }));
		expect(apiCalls()[0].body).toEqual({ displayName: 'SoD check', scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ACCESS_CONFLICTS' });
	});

	it('Get Many returns the seeded campaigns; Return All pages with page_size/page_token and Limit stops early', async () => {
		const seeded = await ok({ operation: 'getMany', returnAll: true });
		expect(seeded.map((r) => [r.id, r.state])).toEqual([
			['ar-0001', 'ACCESS_REVIEW_STATE_CLOSED'],
			['ar-0002', 'ACCESS_REVIEW_STATE_OPEN'],
		]);
		const template = state().accessReviews[1];
		for (let n = 0; n < 130; n++) state().accessReviews.push({ ...template, id: `ar-bulk-${String(n).padStart(3, '0')}`, displayName: `Bulk ${n}` });
		env.sandbox.requests.length = 0;
		const all = await ok({ operation: 'getMany', returnAll: true });
		expect(all).toHaveLength(132);
		expect(new Set(all.map((r) => r.id)).size).toBe(132);
		const queries = apiCalls().map((r) => r.query);
		expect(queries).toEqual([{ page_size: ['100'] }, { page_size: ['100'], page_token: [expect.any(String)] }]);
		env.sandbox.requests.length = 0;
		const few = await ok({ operation: 'getMany', limit: 3 });
		expect(few.map((r) => r.id)).toEqual(['ar-0001', 'ar-0002', 'ar-bulk-000']);
		// ConductorOne's smallest page is 10.
		expect(apiCalls().map((r) => r.query)).toEqual([{ page_size: ['10'] }]);
	});

	it('an unknown campaign is ConductorOne\'s NOT_FOUND, as a NodeApiError with its message', async () => {
		const { error } = await run({ operation: 'get', accessReviewId: 'ar-9999' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('access review not found: ar-9999');
		expect(error?.httpCode).toBe('404');
	});

	it('ConductorOne\'s INVALID_ARGUMENT for a field it refuses reaches the error', async () => {
		const { error } = await run({ operation: 'create', displayName: 'x', scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', additionalFields: { policyId: 'pol-nope' } });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('ConductorOne: invalid request: policy_id: no policy pol-nope');
		expect(error?.httpCode).toBe('400');
		expect(state().accessReviews).toHaveLength(2);
	});

	it('refuses bad input before anything is sent, and Continue On Fail pairs each error with its item', async () => {
		const { output } = await run(
			{
				operation: 'create',
				displayName: '={{ $json.name }}',
				scopeType: '={{ $json.scope }}',
				additionalFields: { completionDate: '={{ $json.due }}', ownerIds: '={{ $json.owners }}' },
			},
			[
				{ name: '', scope: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', due: future, owners: 'u-bob' },
				{ name: null, scope: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', due: future, owners: 'u-bob' },
				{ name: 'Review', scope: 'ACCESS_REVIEW_SCOPE_TYPE_BY_USERS', due: future, owners: 'u-bob' },
				{ name: 'Review', scope: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', due: '2020-01-01T00:00:00Z', owners: 'u-bob' },
				{ name: 'Review', scope: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', due: 'end of quarter', owners: 'u-bob' },
				{ name: 'Review', scope: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', due: future, owners: 'u-bob,,u-carol' },
				{ name: 'Review', scope: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', due: future, owners: '../users' },
			],
			'continueRegularOutput',
		);
		expect(output.map((i) => [i.json.error, i.pairedItem])).toEqual([
			['Display Name is empty', { item: 0 }],
			['Display Name is null, not text', { item: 1 }],
			['Scope Type "ACCESS_REVIEW_SCOPE_TYPE_BY_USERS" is not a ConductorOne scope type', { item: 2 }],
			['Completion Date 2020-01-01T00:00:00.000Z is in the past', { item: 3 }],
			['Completion Date "end of quarter" is not a date and time', { item: 4 }],
			['Owner IDs is empty', { item: 5 }],
			['Owner IDs "../users" is not a valid identifier', { item: 6 }],
		]);
		const { error } = await run({ operation: 'get', accessReviewId: '={{ $json.id }}' }, [{ id: 'ar/0001' }]);
		expect(error?.message).toBe('Access Review ID "ar/0001" is not a valid identifier');
		expect(error?.name).toBe('NodeOperationError');
		expect(apiCalls()).toEqual([]);
	});
});
