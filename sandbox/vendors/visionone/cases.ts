import { createHash } from 'node:crypto';

import { z } from 'zod';

import { headerValue } from '../../framework/auth';
import type { Route, SandboxRequest } from '../../framework/types';
import { filterOf } from './alerts';
import { badRequest, conditionNotMet, visionOneError } from './errors';
import type { VisionOneState } from './state';
import { isoSeconds } from './state';

/** A Case Management case; `TPIServiceNow` cases mirror a ServiceNow ticket (externalTicketId / Alias). */
export interface Case {
	id: string;
	name: string;
	description?: string;
	type: 'Workbench' | 'Forensics' | 'ManagedService' | 'TPIServiceNow' | 'Others';
	priority: 'P0' | 'P1' | 'P2' | 'P3';
	status: 'Open' | 'In-progress' | 'Closed' | 'Deleted';
	findings?: string;
	holder?: string;
	externalTicketId: string;
	externalTicketAlias: string;
	externalTicketCreatedDateTime?: string;
	externalTicketUpdatedDateTime?: string;
	associatedItemIds: string[];
	relatedCaseIds: string[];
	createdDateTime: string;
	updatedDateTime: string;
	version: number;
}

export function seedCases(now: number, alertIds: string[]): Case[] {
	const at = (hoursAgo: number) => isoSeconds(now - hoursAgo * 3_600_000);
	const day = at(0).slice(0, 10).replace(/-/g, '');
	return [
		{ id: `CL-1-${day}-00001`, name: 'Credential dumping on nimda', type: 'TPIServiceNow', priority: 'P1', status: 'In-progress', findings: 'TruePositive', holder: 'Analyst', externalTicketId: 'INC0010001', externalTicketAlias: 'ServiceNow INC0010001', externalTicketCreatedDateTime: at(40), externalTicketUpdatedDateTime: at(30), associatedItemIds: alertIds.slice(0, 2), relatedCaseIds: [], createdDateTime: at(40), updatedDateTime: at(30), version: 1 },
		{ id: `CL-1-${day}-00002`, name: 'Emotet sweeping match', type: 'TPIServiceNow', priority: 'P2', status: 'Open', holder: 'Customer', externalTicketId: 'INC0010002', externalTicketAlias: 'ServiceNow INC0010002', associatedItemIds: alertIds.slice(-1), relatedCaseIds: [], createdDateTime: at(2), updatedDateTime: at(2), version: 1 },
		{ id: `CL-1-${day}-00003`, name: 'Brute force against VPN', type: 'Workbench', priority: 'P3', status: 'Closed', findings: 'FalsePositive', externalTicketId: '', externalTicketAlias: '', associatedItemIds: [], relatedCaseIds: [], createdDateTime: at(20), updatedDateTime: at(10), version: 1 },
	];
}

/** A Workbench alert names the case it belongs to (`caseId`, as in Vision One's alert schema). */
export function linkAlerts(state: VisionOneState, linked: Case): void {
	for (const alert of state.alerts) if (linked.associatedItemIds.includes(alert.id)) alert.caseId = linked.id;
}

const etag = (c: Case) => createHash('sha1').update(`${c.id}#${c.version}`).digest('hex');
/** A case as the API shows it: without the sandbox's version counter behind the ETag. */
const render = (c: Case) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== 'version'));

const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
const FINDINGS = ['NoFindings', 'Noteworthy', 'TruePositive', 'FalsePositive', 'BenignTruePositive'] as const;

const createBody = z
	.object({
		name: z.string().min(1).max(256),
		priority: z.enum(PRIORITIES),
		status: z.enum(['Open', 'In-progress', 'Closed']),
		externalTicketId: z.string().max(256),
		externalTicketAlias: z.string().max(256),
		description: z.string().max(10_000).optional(),
		associatedItemIds: z.array(z.string()).optional(),
		relatedCaseIds: z.array(z.string()).optional(),
		findings: z.enum(FINDINGS).optional(),
		holder: z.enum(['Customer', 'Analyst']).optional(),
		externalTicketCreatedDateTime: z.string().optional(),
	})
	.strict();

const patchBody = z
	.object({
		name: z.string().min(1).max(256).optional(),
		priority: z.enum(PRIORITIES).optional(),
		status: z.enum(['Open', 'In-progress', 'Closed', 'Deleted']).optional(),
		externalTicketId: z.string().max(256).optional(),
		externalTicketAlias: z.string().max(256).optional(),
		externalTicketUpdatedDateTime: z.string().optional(),
		description: z.string().max(10_000).optional(),
		findings: z.enum(FINDINGS).optional(),
	})
	.strict()
	.refine((b) => Object.keys(b).length > 0, 'Give at least one field to update');

const CASE_FIELDS: Record<string, (c: Case) => string[]> = {
	id: (c) => [c.id],
	name: (c) => [c.name],
	type: (c) => [c.type],
	priority: (c) => [c.priority],
	status: (c) => [c.status],
	externalTicketId: (c) => [c.externalTicketId],
};

function find(state: VisionOneState, req: SandboxRequest): Case | undefined {
	return state.cases.find((c) => c.id === req.params.caseId);
}

const notFound = (id: string) => visionOneError(404, 'NotFound', `Case ${id} not found.`);

export const caseRoutes: Route<VisionOneState>[] = [
	{
		method: 'GET',
		path: '/v3.0/caseManagement/cases',
		bucket: '/v3.0/caseManagement',
		handle(state, req) {
			const token = req.query.get('skipToken');
			const saved = token ? (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, string>) : undefined;
			const param = (name: string) => saved?.[name] ?? req.query.get(name) ?? undefined;
			const top = Number(param('top') ?? 10);
			if (![10, 50, 100].includes(top)) return badRequest('top must be 10, 50 or 100.');
			const target = param('dateTimeTarget') ?? 'createdDateTime';
			if (!['createdDateTime', 'updatedDateTime'].includes(target)) return badRequest('dateTimeTarget must be createdDateTime or updatedDateTime.');
			const start = param('startDateTime');
			const end = param('endDateTime');
			const matches = filterOf(req, CASE_FIELDS);
			if (typeof matches !== 'function') return matches;
			const [orderField, direction = 'desc'] = (param('orderBy') ?? 'createdDateTime desc').split(/\s+/);
			if (!['priority', 'createdDateTime', 'updatedDateTime'].includes(orderField)) return badRequest('orderBy must be priority, createdDateTime or updatedDateTime.');
			const all = state.cases
				.filter((c) => (!start || c[target as 'createdDateTime'] >= start) && (!end || c[target as 'createdDateTime'] <= end))
				.filter(matches)
				.sort((a, b) => {
					const x = String(a[orderField as 'createdDateTime']);
					const y = String(b[orderField as 'createdDateTime']);
					return (direction === 'asc' ? x.localeCompare(y) : y.localeCompare(x)) || a.id.localeCompare(b.id);
				});
			const offset = Number(saved?.offset ?? 0);
			const page = all.slice(offset, offset + top);
			const next = offset + top < all.length ? Buffer.from(JSON.stringify({ top: String(top), dateTimeTarget: target, ...(start ? { startDateTime: start } : {}), ...(end ? { endDateTime: end } : {}), orderBy: `${orderField} ${direction}`, offset: String(offset + top) })).toString('base64url') : undefined;
			return { status: 200, body: { totalCount: all.length, count: page.length, items: page.map(render), ...(next ? { nextLink: `${req.baseUrl}/v3.0/caseManagement/cases?skipToken=${next}` } : {}) } };
		},
	},
	{
		method: 'POST',
		path: '/v3.0/caseManagement/cases',
		bucket: '/v3.0/caseManagement',
		body: createBody,
		handle(state, req) {
			const input = req.body as z.infer<typeof createBody>;
			const now = isoSeconds(state.clock.now());
			const id = `CL-1-${now.slice(0, 10).replace(/-/g, '')}-${String(++state.caseCounter).padStart(5, '0')}`;
			const created: Case = {
				...input,
				id,
				// A case created through the API with a ticket reference is the ServiceNow sync case (Inference: TPIServiceNow).
				type: input.externalTicketId ? 'TPIServiceNow' : 'Others',
				associatedItemIds: input.associatedItemIds ?? [],
				relatedCaseIds: input.relatedCaseIds ?? [],
				createdDateTime: now,
				updatedDateTime: now,
				version: 1,
			};
			state.cases.push(created);
			linkAlerts(state, created);
			return { status: 201, headers: { Location: `${req.baseUrl}/v3.0/caseManagement/cases/${id}` } };
		},
	},
	{
		method: 'GET',
		path: '/v3.0/caseManagement/cases/:caseId',
		bucket: '/v3.0/caseManagement',
		handle(state, req) {
			const found = find(state, req);
			if (!found) return notFound(req.params.caseId);
			return { status: 200, headers: { ETag: etag(found) }, body: render(found) };
		},
	},
	{
		method: 'PATCH',
		path: '/v3.0/caseManagement/cases/:caseId',
		bucket: '/v3.0/caseManagement',
		body: patchBody,
		handle(state, req) {
			const found = find(state, req);
			if (!found) return notFound(req.params.caseId);
			const sent = headerValue(req, 'if-match')?.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
			if (sent !== etag(found)) return conditionNotMet();
			Object.assign(found, req.body as object, { updatedDateTime: isoSeconds(state.clock.now()) });
			found.version++;
			return { status: 204, headers: { ETag: etag(found) } };
		},
	},
];

