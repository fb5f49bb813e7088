import { z } from 'zod';

import type { Route, SandboxResponse } from '../../framework/types';
import { xsoarError } from './errors';
import { onSurfaces, requirePermission } from './permissions';
import { QueryError, incidentQuery } from './query';
import { SEVERITIES, STATUS, blankIncident } from './state';
import type { Entry, Incident, XsoarState } from './state';

const iso = (state: XsoarState) => state.clock.iso();

const labelSchema = z.object({ type: z.string(), value: z.string() });
const incidentSchema = z
	.object({
		id: z.string().optional(),
		version: z.number().int().optional(),
		name: z.string().optional(),
		type: z.string().optional(),
		severity: z.number().optional(),
		details: z.string().optional(),
		owner: z.string().optional(),
		playbookId: z.string().optional(),
		labels: z.array(labelSchema).optional(),
		occurred: z.string().optional(),
		rawJSON: z.string().optional(),
		createInvestigation: z.boolean().optional(),
		CustomFields: z.record(z.unknown()).optional(),
		customFields: z.record(z.unknown()).optional(),
	})
	.passthrough();

const searchSchema = z
	.object({
		filter: z
			.object({
				query: z.string().optional(),
				page: z.number().int().min(0).optional(),
				size: z.number().int().min(0).optional(),
				sort: z.array(z.object({ field: z.string(), asc: z.boolean().optional() }).passthrough()).optional(),
				period: z.object({ by: z.string(), fromValue: z.union([z.string(), z.number()]).optional() }).passthrough().optional(),
				fromDate: z.string().optional(),
				toDate: z.string().optional(),
				id: z.array(z.string()).optional(),
				status: z.array(z.number()).optional(),
				type: z.array(z.string()).optional(),
				level: z.array(z.number()).optional(),
			})
			.passthrough(),
		userFilter: z.boolean().optional(),
	})
	.passthrough();

const closeSchema = z
	.object({
		id: z.string().min(1),
		version: z.number().int().optional(),
		closeReason: z.string().optional(),
		closeNotes: z.string().optional(),
		CustomFields: z.record(z.unknown()).optional(),
	})
	.passthrough();

const entrySchema = z
	.object({ investigationId: z.string().min(1), data: z.string(), markdown: z.boolean().optional(), id: z.string().optional() })
	.passthrough();

const reopenSchema = z.object({ id: z.string().min(1), version: z.number().int().optional() }).passthrough();

const investigationSchema = z
	.object({ pageSize: z.number().int().optional(), tags: z.array(z.string()).optional(), fromTime: z.string().optional() })
	.passthrough();

const notFound = (id: string) => xsoarError(400, `Could not find incident with id [${id}]`, 'item not found');

function startInvestigation(state: XsoarState, incident: Incident) {
	if (!state.investigations.has(incident.id)) state.investigations.set(incident.id, { id: incident.id, status: 0, entries: [] });
	incident.investigationId = incident.id;
	if (incident.status === STATUS.pending) incident.status = STATUS.active;
}

type Body = z.infer<typeof incidentSchema>;

function applyFields(incident: Incident, body: Body) {
	const { CustomFields, customFields, labels, ...rest } = body;
	for (const key of ['name', 'type', 'severity', 'details', 'owner', 'playbookId', 'occurred', 'rawJSON'] as const) {
		if (rest[key] !== undefined) (incident as unknown as Record<string, unknown>)[key] = rest[key];
	}
	if (labels) incident.labels = labels;
	// The swagger spells it CustomFields, the XSOAR 8 documentation customFields: both are read.
	const custom = { ...(customFields ?? {}), ...(CustomFields ?? {}) };
	if (Object.keys(custom).length) incident.CustomFields = { ...incident.CustomFields, ...custom };
}

function createOrUpdate(state: XsoarState, body: Body): SandboxResponse {
	if (body.severity !== undefined && !(SEVERITIES as readonly number[]).includes(body.severity)) {
		return xsoarError(400, `Invalid severity ${body.severity}`, 'severity must be one of 0, 0.5, 1, 2, 3, 4');
	}
	const now = iso(state);
	if (body.id) {
		const incident = state.incidents.find((i) => i.id === body.id);
		if (!incident) return notFound(body.id);
		if (body.version !== -1 && body.version !== incident.version) {
			return xsoarError(
				400,
				`DB Version Error: incident ${incident.id} has version ${incident.version}, the update was made against version ${String(body.version)}`,
				'[version mismatch]',
			);
		}
		applyFields(incident, body);
		incident.version += 1;
		incident.modified = now;
		if (body.createInvestigation) startInvestigation(state, incident);
		return { status: 200, body: structuredClone(incident) };
	}
	if (!body.name?.trim()) return xsoarError(400, 'Incident name is required', 'missing name');
	const incident = blankIncident(String(state.nextIncident++), state.clock.now());
	applyFields(incident, body);
	incident.sourceInstance = body.labels?.find((l) => l.type === 'Instance')?.value ?? '';
	state.incidents.push(incident);
	if (body.createInvestigation) startInvestigation(state, incident);
	return { status: 201, body: structuredClone(incident) };
}

function editConcurrently(state: XsoarState, id: string) {
	const edit = state.concurrentEdits.get(id);
	const incident = state.incidents.find((i) => i.id === id);
	if (!edit || !incident || edit.times <= 0) return;
	edit.times -= 1;
	Object.assign(incident, edit.changes);
	incident.version += 1;
	incident.modified = iso(state);
}

const PERIOD_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000 };
const MAX_SIZE = 1000;

function search(state: XsoarState, filter: z.infer<typeof searchSchema>['filter']): SandboxResponse {
	let predicate: (incident: Incident) => boolean;
	try {
		predicate = incidentQuery(filter.query ?? '');
	} catch (error) {
		// The parser throws only QueryErrors.
		return xsoarError(400, (error as QueryError).message, 'query parse error');
	}
	const now = state.clock.now();
	const from = filter.period ? now - Number(filter.period.fromValue ?? 0) * (PERIOD_MS[filter.period.by] ?? 0) : filter.fromDate ? Date.parse(filter.fromDate) : undefined;
	const to = filter.toDate ? Date.parse(filter.toDate) : undefined;
	let found = state.incidents.filter(
		(i) =>
			predicate(i) &&
			(!filter.id?.length || filter.id.includes(i.id)) &&
			(!filter.status?.length || filter.status.includes(i.status)) &&
			(!filter.type?.length || filter.type.includes(i.type)) &&
			(!filter.level?.length || filter.level.includes(i.severity)) &&
			(from === undefined || Date.parse(i.created) >= from) &&
			(to === undefined || Date.parse(i.created) <= to),
	);
	const sort = filter.sort?.length ? filter.sort : [{ field: 'id', asc: true }];
	found = [...found].sort((a, b) => {
		for (const { field, asc } of sort) {
			const key = field as keyof Incident;
			const left = field === 'id' ? Number(a.id) : (a[key] as string | number);
			const right = field === 'id' ? Number(b.id) : (b[key] as string | number);
			if (left !== right) return (left < right ? -1 : 1) * (asc ? 1 : -1);
		}
		return Number(a.id) - Number(b.id);
	});
	// `size` defaults to 0: no incidents unless the caller asks for some. XSOAR answers `data: null` then.
	const size = Math.min(filter.size ?? 0, MAX_SIZE);
	const page = filter.page ?? 0;
	const data = found.slice(page * size, page * size + size).map((i) => structuredClone(i));
	for (const read of data) editConcurrently(state, read.id);
	return { status: 200, body: { total: found.length, data: data.length ? data : null } };
}

function close(state: XsoarState, body: z.infer<typeof closeSchema>, user: string): SandboxResponse {
	const incident = state.incidents.find((i) => i.id === body.id);
	if (!incident) return notFound(body.id);
	if (body.version !== undefined && body.version !== -1 && body.version !== incident.version) {
		return xsoarError(400, `DB Version Error: incident ${incident.id} has version ${incident.version}`, '[version mismatch]');
	}
	incident.status = STATUS.done;
	incident.closeReason = body.closeReason ?? '';
	incident.closeNotes = body.closeNotes ?? '';
	incident.closed = iso(state);
	incident.closingUserId = user;
	if (body.CustomFields) incident.CustomFields = { ...incident.CustomFields, ...body.CustomFields };
	incident.version += 1;
	incident.modified = iso(state);
	const investigation = state.investigations.get(incident.id);
	if (investigation) investigation.status = 1;
	return { status: 200, body: structuredClone(incident) };
}

/** Reopening gives the incident back its open state and its War Room its entries; only a closed incident reopens. */
function reopen(state: XsoarState, body: z.infer<typeof reopenSchema>): SandboxResponse {
	const incident = state.incidents.find((i) => i.id === body.id);
	if (!incident) return notFound(body.id);
	if (incident.status !== STATUS.done) return xsoarError(400, `Incident ${incident.id} is not closed`, 'incident is not closed');
	if (body.version !== undefined && body.version !== -1 && body.version !== incident.version) {
		return xsoarError(400, `DB Version Error: incident ${incident.id} has version ${incident.version}`, '[version mismatch]');
	}
	incident.status = STATUS.active;
	incident.closeReason = '';
	incident.closed = '0001-01-01T00:00:00Z';
	incident.closingUserId = '';
	incident.version += 1;
	incident.modified = iso(state);
	const investigation = state.investigations.get(incident.id);
	if (investigation) investigation.status = 0;
	return { status: 200, body: { id: incident.id, status: 0 } };
}

/** XSOAR pages an investigation's entries at most this many at a time. */
const MAX_ENTRIES = 200;
const DEFAULT_ENTRIES = 50;

/**
 * The investigation with its entries: those with any of `tags`, created at or after `fromTime`, oldest first, at most
 * `pageSize`. A closed investigation is read like an open one.
 */
function readInvestigation(state: XsoarState, id: string, filter: z.infer<typeof investigationSchema>): SandboxResponse {
	const investigation = state.investigations.get(id);
	if (!investigation) return xsoarError(403, `Could not find investigations with id [${id}]`, 'Could not find investigations');
	const from = filter.fromTime === undefined ? undefined : Date.parse(filter.fromTime);
	if (from !== undefined && Number.isNaN(from)) return xsoarError(400, `fromTime "${filter.fromTime}" is not a time`, 'bad fromTime');
	const size = Math.min(Math.max(filter.pageSize || DEFAULT_ENTRIES, 1), MAX_ENTRIES);
	const matching = investigation.entries.filter(
		(e) => (!filter.tags?.length || e.tags.some((t) => filter.tags!.includes(t))) && (from === undefined || Date.parse(e.created) >= from),
	);
	const incident = state.incidents.find((i) => i.id === id);
	return {
		status: 200,
		body: {
			id: investigation.id,
			name: incident?.name ?? '',
			status: investigation.status,
			totalEntries: matching.length,
			entries: matching.slice(0, size).map((e) => structuredClone(e)),
		},
	};
}

function addEntry(state: XsoarState, body: z.infer<typeof entrySchema>, user: string): SandboxResponse {
	const investigation = state.investigations.get(body.investigationId);
	// What XSOAR answers for an incident nobody has investigated yet (Polarity's client investigates and retries).
	if (!investigation) return xsoarError(403, `Could not find investigations with id [${body.investigationId}]`, 'Could not find investigations');
	if (investigation.status === 1) return xsoarError(412, `Investigation ${investigation.id} is closed`, 'investigation closed');
	const now = iso(state);
	const entry: Entry = {
		id: `${state.nextEntry++}@${investigation.id}`,
		investigationId: investigation.id,
		type: 1,
		format: body.markdown ? 'markdown' : 'text',
		contents: body.data,
		note: false,
		tags: [],
		user,
		created: now,
		modified: now,
		version: 1,
	};
	investigation.entries.push(entry);
	const incident = state.incidents.find((i) => i.id === investigation.id);
	if (incident) incident.modified = now;
	return { status: 200, body: structuredClone(entry) };
}

const write = (state: XsoarState, req: Parameters<Route<XsoarState>['handle']>[1]) => requirePermission(state, req, 'incidents.write');

export const incidentRoutes: Route<XsoarState>[] = [
	...onSurfaces<Route<XsoarState>>(
		{ method: 'POST', path: '/incident', body: incidentSchema, handle: (state, req) => write(state, req) ?? createOrUpdate(state, req.body as Body) },
		['v6', 'web', 'public'],
	),
	...onSurfaces<Route<XsoarState>>(
		{
			method: 'POST',
			path: '/incidents/search',
			body: searchSchema,
			handle: (state, req) =>
				requirePermission(state, req, 'incidents.read') ?? search(state, (req.body as z.infer<typeof searchSchema>).filter),
		},
		['v6', 'web', 'public'],
	),
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/incident/close',
		body: closeSchema,
		handle: (state, req) => write(state, req) ?? close(state, req.body as z.infer<typeof closeSchema>, req.principal ?? ''),
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/incident/batchClose',
		body: z.object({ ids: z.array(z.string()), closeReason: z.string().optional(), closeNotes: z.string().optional() }).passthrough(),
		handle(state, req) {
			const denied = write(state, req);
			if (denied) return denied;
			const body = req.body as { ids: string[]; closeReason?: string; closeNotes?: string };
			const data: Incident[] = [];
			let notUpdated = 0;
			for (const id of body.ids) {
				const answer = close(state, { id, closeReason: body.closeReason, closeNotes: body.closeNotes }, req.principal ?? '');
				if (answer.status === 200) data.push(answer.body as Incident);
				else notUpdated++;
			}
			return { status: 200, body: { data, total: data.length, notUpdated } };
		},
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/incident/investigate',
		body: z.object({ id: z.string().min(1), version: z.number().int().optional() }).passthrough(),
		handle(state, req) {
			const denied = write(state, req);
			if (denied) return denied;
			const { id } = req.body as { id: string };
			const incident = state.incidents.find((i) => i.id === id);
			if (!incident) return notFound(id);
			if (incident.status === STATUS.done) return xsoarError(400, `Incident ${id} is closed: reopen it before investigating`, 'incident closed');
			startInvestigation(state, incident);
			incident.version += 1;
			incident.modified = iso(state);
			return { status: 200, body: { id: incident.id, status: 0 } };
		},
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/inv-playbook/new/:playbookId/:investigationId',
		handle(state, req) {
			const denied = write(state, req);
			if (denied) return denied;
			const { playbookId, investigationId } = req.params;
			const investigation = state.investigations.get(investigationId);
			if (!investigation) return xsoarError(403, `Could not find investigations with id [${investigationId}]`, 'Could not find investigations');
			if (investigation.status === 1) return xsoarError(412, `Investigation ${investigationId} is closed`, 'investigation closed');
			const incident = state.incidents.find((i) => i.id === investigationId)!;
			incident.playbookId = playbookId;
			incident.version += 1;
			incident.modified = iso(state);
			return { status: 200, body: { id: investigationId, playbookId } };
		},
	}),
	// Palo Alto's content sends the path with a literal `:id` and names the incident in the body.
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/investigation/:id/reopen',
		body: reopenSchema,
		handle: (state, req) => write(state, req) ?? reopen(state, req.body as z.infer<typeof reopenSchema>),
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/investigation/:investigationId',
		body: investigationSchema,
		handle: (state, req) =>
			requirePermission(state, req, 'incidents.read') ??
			readInvestigation(state, req.params.investigationId, req.body as z.infer<typeof investigationSchema>),
	}),
	...onSurfaces<Route<XsoarState>>({
		method: 'POST',
		path: '/entry',
		body: entrySchema,
		handle: (state, req) => write(state, req) ?? addEntry(state, req.body as z.infer<typeof entrySchema>, req.principal ?? ''),
	}),
];
