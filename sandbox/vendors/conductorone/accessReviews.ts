import { z } from 'zod';

import type { Route } from '../../framework/types';
import { c1Error, notFound } from './errors';
import { listQuery, queryPage } from './paging';
import type { C1AccessReview, ConductorOneState } from './state';

/** The scope types `AccessReviewServiceCreateRequest` accepts (Go SDK `accessreviewservicecreaterequest.go`). */
export const SCOPE_TYPES = ['ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', 'ACCESS_REVIEW_SCOPE_TYPE_BY_ACCESS_CONFLICTS'] as const;

const createBody = z
	.object({
		displayName: z.string().optional(),
		description: z.string().optional(),
		policyId: z.string().optional(),
		ownerIds: z.array(z.string()).optional(),
		completionDate: z.string().optional(),
		scopeType: z.string().optional(),
		notificationConfig: z.record(z.unknown()).optional(),
		duplicateFrom: z.string().optional(),
	})
	.strict();

type CreateBody = z.infer<typeof createBody>;

/** RFC 3339 with a zone, as protobuf's Timestamp JSON mapping requires. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** What ConductorOne refuses in a create request, one field violation each. */
function violations(state: ConductorOneState, body: CreateBody): string[] {
	const found: string[] = [];
	if (!body.displayName?.trim()) found.push('display_name: value is required');
	if (!(SCOPE_TYPES as readonly string[]).includes(body.scopeType ?? '')) found.push(`scope_type: must be one of ${SCOPE_TYPES.join(', ')}`);
	if (body.completionDate !== undefined) {
		const at = RFC3339.test(body.completionDate) ? Date.parse(body.completionDate) : Number.NaN;
		if (Number.isNaN(at)) found.push('completion_date: not an RFC 3339 timestamp');
		else if (at <= state.clock.now()) found.push('completion_date: must be in the future');
	}
	if (body.policyId !== undefined && !state.policies.some((p) => p.id === body.policyId)) found.push(`policy_id: no policy ${body.policyId}`);
	for (const owner of body.ownerIds ?? []) if (!state.users.some((u) => u.id === owner)) found.push(`owner_ids: no user ${owner}`);
	return found;
}

/** `AccessReviewView`: the campaign under `accessReview`; the owners are kept by the sandbox, not part of the record. */
function view(review: C1AccessReview) {
	const record: Partial<C1AccessReview> = structuredClone(review);
	delete record.ownerIds;
	return { accessReview: record };
}

export const accessReviewRoutes: Route<ConductorOneState>[] = [
	{
		method: 'POST',
		path: '/api/v1/access_review',
		body: createBody,
		handle(state, req) {
			const body = req.body as CreateBody;
			const problems = violations(state, body);
			// The message does not name the request: n8n rewrites any error message containing "EACCES" ("CreateAccess…").
			if (problems.length) return c1Error('INVALID_ARGUMENT', `invalid request: ${problems.join('; ')}`, problems);
			const now = state.clock.iso();
			const review: C1AccessReview = {
				id: `ar-${String(state.nextAccessReview++).padStart(4, '0')}`,
				displayName: body.displayName!.trim(),
				description: body.description ?? '',
				policyId: body.policyId ?? '',
				scopeType: body.scopeType as C1AccessReview['scopeType'],
				// A new campaign is a draft until someone scopes and starts it.
				state: 'ACCESS_REVIEW_STATE_DRAFT',
				...(body.completionDate ? { completionDate: new Date(body.completionDate).toISOString() } : {}),
				createdById: req.principal ?? '',
				createdAt: now,
				updatedAt: now,
				ownerIds: body.ownerIds ?? [],
			};
			state.accessReviews.push(review);
			return { status: 200, body: { accessReview: view(review), expanded: [] } };
		},
	},
	{
		method: 'GET',
		path: '/api/v1/access_reviews',
		query: listQuery,
		handle: (state, req) => queryPage(state.accessReviews.map(view), req.query),
	},
	{
		method: 'GET',
		path: '/api/v1/access_review/:id',
		handle(state, req) {
			const review = state.accessReviews.find((r) => r.id === req.params.id);
			if (!review) return notFound('access review', req.params.id);
			return { status: 200, body: { accessReview: view(review), expanded: [] } };
		},
	},
];
