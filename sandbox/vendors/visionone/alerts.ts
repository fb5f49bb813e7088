import { z } from 'zod';

import { headerValue } from '../../framework/auth';
import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { alertNotFound, badRequest, conditionNotMet } from './errors';
import { parseFilter } from './filter';
import type { Alert, AlertNote, VisionOneState } from './state';
import { etagOf, isoSeconds } from './state';

const entityValues = (a: Alert) =>
	a.impactScope.entities.flatMap((e) => (typeof e.entityValue === 'string' ? [e.entityValue] : [String((e.entityValue as { name?: string }).name ?? ''), ...((e.entityValue as { ips?: string[] }).ips ?? [])]));

const ALERT_FIELDS: Record<string, (a: Alert) => string[]> = {
	id: (a) => [a.id],
	investigationStatus: (a) => [a.investigationStatus],
	status: (a) => [a.status],
	investigationResult: (a) => [a.investigationResult],
	alertProvider: (a) => [a.alertProvider],
	modelId: (a) => [a.modelId],
	model: (a) => [a.model],
	modelType: (a) => [a.modelType],
	severity: (a) => [a.severity],
	impactScopeEntityValue: entityValues,
	indicatorValue: (a) => a.indicators.map((i) => i.value),
	incidentId: (a) => (typeof a.incidentId === 'string' ? [a.incidentId] : []),
};

const DATE_TARGETS = ['createdDateTime', 'updatedDateTime', 'firstInvestigatedDateTime'] as const;
const ORDER_FIELDS = ['id', 'caseId', 'name', 'status', 'investigationResult', 'modelId', 'model', 'score', 'severity', 'createdDateTime', 'updatedDateTime', 'firstInvestigatedDateTime'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

interface ListQuery {
	start: number;
	end: number;
	target: (typeof DATE_TARGETS)[number];
	orderBy: Array<[string, 'asc' | 'desc']>;
}

/** The list's window and order; a `skipToken` carries them, so a next page ignores any other parameter. */
function listQuery(state: VisionOneState, req: SandboxRequest): ListQuery | SandboxResponse {
	const now = state.clock.now();
	const read = (name: string, fallback: number) => {
		const value = req.query.get(name);
		if (value === null) return fallback;
		if (!ISO.test(value)) return badRequest(`Invalid ${name} "${value}": use yyyy-MM-ddThh:mm:ssZ (UTC).`);
		return Date.parse(value);
	};
	const start = read('startDateTime', now - 24 * 3_600_000);
	if (typeof start !== 'number') return start;
	const end = read('endDateTime', now);
	if (typeof end !== 'number') return end;
	const target = (req.query.get('dateTimeTarget') ?? 'createdDateTime') as ListQuery['target'];
	if (!DATE_TARGETS.includes(target)) return badRequest(`Invalid dateTimeTarget "${target}": one of ${DATE_TARGETS.join(', ')}.`);
	const orderBy: ListQuery['orderBy'] = [];
	for (const part of (req.query.get('orderBy') ?? 'createdDateTime desc').split(',')) {
		const [field, direction = 'asc', ...rest] = part.trim().split(/\s+/);
		if (!ORDER_FIELDS.includes(field) || !['asc', 'desc'].includes(direction) || rest.length) return badRequest(`Invalid orderBy "${part.trim()}".`);
		orderBy.push([field, direction as 'asc' | 'desc']);
	}
	return { start, end, target, orderBy };
}

function compare(a: Alert, b: Alert, orderBy: ListQuery['orderBy']): number {
	for (const [field, direction] of orderBy) {
		const x = (a as Record<string, unknown>)[field === 'name' ? 'model' : field];
		const y = (b as Record<string, unknown>)[field === 'name' ? 'model' : field];
		const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
		if (c !== 0) return direction === 'asc' ? c : -c;
	}
	return a.id.localeCompare(b.id);
}

function encodeToken(query: ListQuery, offset: number): string {
	return Buffer.from(JSON.stringify({ ...query, offset })).toString('base64url');
}

function decodeToken(token: string): (ListQuery & { offset: number }) | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ListQuery & { offset: number };
		return typeof parsed.offset === 'number' && Array.isArray(parsed.orderBy) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/** The TMV1-Filter header as a predicate (or a 400); absent means every alert. */
export function filterOf<T>(req: SandboxRequest, fields: Record<string, (r: T) => string[]>): ((r: T) => boolean) | SandboxResponse {
	const filter = headerValue(req, 'tmv1-filter');
	if (!filter) return () => true;
	if (filter.length > 5000) return badRequest('TMV1-Filter is longer than 5000 characters.');
	try {
		return parseFilter(filter, fields);
	} catch (error) {
		return badRequest(`Invalid TMV1-Filter: ${(error as Error).message}`);
	}
}

function findAlert(state: VisionOneState, id: string): Alert | undefined {
	return state.alerts.find((a) => a.id === id);
}

/** `If-Match` quoted (RFC 9110) or not (as pytmv1 users sometimes send it). */
function ifMatches(req: SandboxRequest, etag: string): boolean {
	const sent = headerValue(req, 'if-match');
	return sent !== undefined && sent.replace(/^W\//, '').replace(/^"(.*)"$/, '$1') === etag;
}

const patchBody = z
	.object({
		status: z.enum(['Open', 'In Progress', 'Closed']).optional(),
		investigationResult: z.enum(['No Findings', 'Noteworthy', 'True Positive', 'False Positive', 'Benign True Positive', 'Other Findings']).optional(),
		investigationStatus: z.enum(['New', 'In Progress', 'True Positive', 'False Positive', 'Benign True Positive', 'Closed']).optional(),
	})
	.strict()
	.refine((b) => Object.keys(b).length > 0, 'Give status, investigationResult or investigationStatus');

const noteBody = z.object({ content: z.string().min(1).max(500_000) }).strict();
const deleteNotesBody = z.array(z.object({ id: z.union([z.string(), z.number()]) }).strict()).min(1);

function renderNote(note: AlertNote): AlertNote {
	return note;
}

export const alertRoutes: Route<VisionOneState>[] = [
	{
		method: 'GET',
		path: '/v3.0/workbench/alerts',
		bucket: '/v3.0/workbench',
		handle(state, req) {
			const token = req.query.get('skipToken');
			let query: (ListQuery & { offset: number }) | undefined;
			if (token !== null) {
				query = decodeToken(token);
				if (!query) return badRequest('Invalid skipToken.');
			} else {
				const parsed = listQuery(state, req);
				if ('status' in parsed) return parsed;
				query = { ...parsed, offset: 0 };
			}
			const matches = filterOf(req, ALERT_FIELDS);
			if (typeof matches !== 'function') return matches;
			const inWindow = state.alerts.filter((a) => {
				const at = (a as Record<string, unknown>)[query!.target];
				if (typeof at !== 'string') return false;
				const ms = Date.parse(at);
				return ms >= query!.start && ms <= query!.end;
			});
			const all = inWindow.filter(matches).sort((a, b) => compare(a, b, query!.orderBy));
			const page = all.slice(query.offset, query.offset + state.alertPageSize);
			const nextOffset = query.offset + page.length;
			const kept: ListQuery = { start: query.start, end: query.end, target: query.target, orderBy: query.orderBy };
			const nextLink = nextOffset < all.length ? `${req.baseUrl}/v3.0/workbench/alerts?skipToken=${encodeToken(kept, nextOffset)}` : undefined;
			return { status: 200, body: { totalCount: all.length, count: page.length, items: page, ...(nextLink ? { nextLink } : {}) } };
		},
	},
	{
		method: 'GET',
		path: '/v3.0/workbench/alerts/:alertId',
		bucket: '/v3.0/workbench',
		handle(state, req) {
			const alert = findAlert(state, req.params.alertId);
			if (!alert) return alertNotFound(req.params.alertId);
			return { status: 200, headers: { ETag: etagOf(state, alert.id) }, body: alert };
		},
	},
	{
		method: 'PATCH',
		path: '/v3.0/workbench/alerts/:alertId',
		bucket: '/v3.0/workbench',
		body: patchBody,
		handle(state, req) {
			const alert = findAlert(state, req.params.alertId);
			if (!alert) return alertNotFound(req.params.alertId);
			if (!ifMatches(req, etagOf(state, alert.id))) return conditionNotMet();
			const body = req.body as z.infer<typeof patchBody>;
			const now = isoSeconds(state.clock.now());
			if (body.status) alert.status = body.status;
			if (body.investigationResult) alert.investigationResult = body.investigationResult;
			if (body.investigationStatus) alert.investigationStatus = body.investigationStatus;
			if ((body.status === 'In Progress' || body.investigationStatus === 'In Progress') && !alert.firstInvestigatedDateTime) alert.firstInvestigatedDateTime = now;
			alert.updatedDateTime = now;
			state.versions.set(alert.id, (state.versions.get(alert.id) ?? 1) + 1);
			return { status: 204, headers: { ETag: etagOf(state, alert.id) } };
		},
	},
	{
		method: 'POST',
		path: '/v3.0/workbench/alerts/:alertId/notes',
		bucket: '/v3.0/workbench',
		body: noteBody,
		handle(state, req) {
			const alert = findAlert(state, req.params.alertId);
			if (!alert) return alertNotFound(req.params.alertId);
			const now = isoSeconds(state.clock.now());
			const note: AlertNote = {
				id: ++state.noteCounter,
				content: (req.body as { content: string }).content,
				creatorName: 'Sandbox API',
				creatorMailAddress: 'sandbox-api@visionone.example',
				createdDateTime: now,
				lastUpdatedBy: 'sandbox-api@visionone.example',
				lastUpdatedDateTime: now,
			};
			(state.notes[alert.id] ??= []).push(note);
			return { status: 201, headers: { Location: `${req.baseUrl}/v3.0/workbench/alerts/${encodeURIComponent(alert.id)}/notes/${note.id}` } };
		},
	},
	{
		method: 'GET',
		path: '/v3.0/workbench/alerts/:alertId/notes',
		bucket: '/v3.0/workbench',
		handle(state, req) {
			const alert = findAlert(state, req.params.alertId);
			if (!alert) return alertNotFound(req.params.alertId);
			const top = Number(req.query.get('top') ?? 50);
			if (![50, 100, 200].includes(top)) return badRequest('top must be 50, 100 or 200.');
			const matches = filterOf<AlertNote>(req, {
				id: (n) => [String(n.id)],
				creatorMailAddress: (n) => [n.creatorMailAddress],
				creatorName: (n) => [n.creatorName],
				lastUpdatedBy: (n) => [n.lastUpdatedBy],
			});
			if (typeof matches !== 'function') return matches;
			const token = req.query.get('skipToken');
			const offset = token ? Number(Buffer.from(token, 'base64url').toString()) || 0 : 0;
			const notes = (state.notes[alert.id] ?? []).filter(matches);
			const page = notes.slice(offset, offset + top).map(renderNote);
			const next = offset + top < notes.length ? `${req.baseUrl}/v3.0/workbench/alerts/${encodeURIComponent(alert.id)}/notes?top=${top}&skipToken=${Buffer.from(String(offset + top)).toString('base64url')}` : undefined;
			return { status: 200, body: { items: page, ...(next ? { nextLink: next } : {}) } };
		},
	},
	{
		method: 'GET',
		path: '/v3.0/workbench/alerts/:alertId/notes/:noteId',
		bucket: '/v3.0/workbench',
		handle(state, req) {
			const note = state.notes[req.params.alertId]?.find((n) => String(n.id) === req.params.noteId);
			if (!note) return findAlert(state, req.params.alertId) ? badRequest(`Note ${req.params.noteId} not found.`) : alertNotFound(req.params.alertId);
			return { status: 200, headers: { ETag: etagOf(state, `${req.params.alertId}/notes/${note.id}`) }, body: note };
		},
	},
	{
		method: 'PATCH',
		path: '/v3.0/workbench/alerts/:alertId/notes/:noteId',
		bucket: '/v3.0/workbench',
		body: noteBody,
		handle(state, req) {
			const note = state.notes[req.params.alertId]?.find((n) => String(n.id) === req.params.noteId);
			if (!note) return findAlert(state, req.params.alertId) ? badRequest(`Note ${req.params.noteId} not found.`) : alertNotFound(req.params.alertId);
			const key = `${req.params.alertId}/notes/${note.id}`;
			if (!ifMatches(req, etagOf(state, key))) return conditionNotMet();
			note.content = (req.body as { content: string }).content;
			note.lastUpdatedDateTime = isoSeconds(state.clock.now());
			state.versions.set(key, (state.versions.get(key) ?? 1) + 1);
			return { status: 204, headers: { ETag: etagOf(state, key) } };
		},
	},
	{
		method: 'POST',
		path: '/v3.0/workbench/alerts/:alertId/notes/delete',
		bucket: '/v3.0/workbench',
		body: deleteNotesBody,
		handle(state, req) {
			const alert = findAlert(state, req.params.alertId);
			if (!alert) return alertNotFound(req.params.alertId);
			const ids = new Set((req.body as Array<{ id: string | number }>).map((n) => String(n.id)));
			state.notes[alert.id] = (state.notes[alert.id] ?? []).filter((n) => !ids.has(String(n.id)));
			return { status: 204 };
		},
	},
];
