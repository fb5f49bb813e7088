import { pageAtOffset } from '../../framework/paging';
import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { noRecord, snError } from './errors';
import { matchesQuery, parseEncodedQuery, sortRecords } from './query';
import type { Rec } from './query';
import { RecordError, deleteRecord, findRecord, renderRecord, resolveField, writeRecord } from './records';
import type { DisplayMode } from './records';
import { TABLES } from './schema';
import { nowMs } from './state';
import type { ServiceNowState } from './state';

const SYSPARM = /^sysparm_/;

export function userOf(req: SandboxRequest): string {
	return req.principal ?? 'admin';
}

function displayMode(req: SandboxRequest): DisplayMode {
	const value = req.query.get('sysparm_display_value');
	return value === 'true' || value === 'all' ? value : 'false';
}

export function renderOptions(req: SandboxRequest) {
	const fields = req.query.get('sysparm_fields');
	return {
		baseUrl: req.baseUrl,
		display: displayMode(req),
		fields: fields ? fields.split(',').map((f) => f.trim()) : undefined,
		excludeReferenceLink: req.query.get('sysparm_exclude_reference_link') === 'true',
	};
}

function unknownTable(table: string): SandboxResponse {
	return snError(400, `Invalid table ${table}`);
}

/** The server's clock in the `Date` header, so clients can tell which seconds are settled. */
export function dateHeader(state: ServiceNowState): Record<string, string> {
	return { Date: new Date(nowMs(state)).toUTCString() };
}

function failed(error: unknown): SandboxResponse {
	if (error instanceof RecordError) return snError(error.status, error.message, error.detail);
	throw error;
}

/** Filtering, ordering, offset paging with `X-Total-Count` and the four-rel `Link` header. */
export function listRecords(state: ServiceNowState, table: string, req: SandboxRequest): SandboxResponse {
	const columns = new Set(TABLES[table].columns);
	let text = req.query.get('sysparm_query') ?? '';
	// Plain `field=value` pairs are an alternative to sysparm_query.
	for (const [key, value] of req.query) if (!SYSPARM.test(key) && columns.has(key)) text += `^${key}=${value}`;
	const query = parseEncodedQuery(text, columns);
	const limit = Math.max(1, Number(req.query.get('sysparm_limit') ?? 10000) || 10000);
	const offset = Math.max(0, Number(req.query.get('sysparm_offset') ?? 0) || 0);
	for (const hook of state.beforeList) hook(table, offset);
	const matched = sortRecords(
		state.tables[table].filter((r) => matchesQuery(query, r, resolveField(state, table))),
		query.orderBy,
		columns,
	);
	const { page, total, prevOffset, nextOffset, lastOffset } = pageAtOffset(matched, offset, limit);
	const headers: Record<string, string> = dateHeader(state);
	if (req.query.get('sysparm_no_count') !== 'true') headers['X-Total-Count'] = String(total);
	if (req.query.get('sysparm_suppress_pagination_header') !== 'true') {
		const link = (rel: string, at: number) => {
			const url = new URL(`${req.baseUrl}${req.path}`);
			req.query.forEach((value, key) => url.searchParams.set(key, value));
			url.searchParams.set('sysparm_offset', String(at));
			url.searchParams.set('sysparm_limit', String(limit));
			return `<${url.toString()}>;rel="${rel}"`;
		};
		const links = [link('first', 0)];
		if (prevOffset !== undefined) links.push(link('prev', prevOffset));
		if (nextOffset !== undefined) links.push(link('next', nextOffset));
		links.push(link('last', lastOffset));
		headers.Link = links.join(',');
	}
	const options = renderOptions(req);
	return { status: 200, headers, body: { result: page.map((r: Rec) => renderRecord(state, table, r, options)) } };
}

function withTable(
	handler: (state: ServiceNowState, req: SandboxRequest, table: string) => SandboxResponse,
): Route<ServiceNowState>['handle'] {
	return (state, req) => {
		const table = req.params.table;
		if (!TABLES[table]) return unknownTable(table);
		try {
			return handler(state, req, table);
		} catch (error) {
			return failed(error);
		}
	};
}

function body(req: SandboxRequest): Record<string, unknown> {
	return req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
}

/** A write whose body is not JSON writes nothing: ServiceNow answers 400 before touching the table. */
function withJsonBody(handler: (state: ServiceNowState, req: SandboxRequest, table: string) => SandboxResponse) {
	return (state: ServiceNowState, req: SandboxRequest, table: string): SandboxResponse =>
		req.malformedJson ? snError(400, 'Exception while reading request', 'The payload is not valid JSON.') : handler(state, req, table);
}

const BASES = ['/api/now/table', '/api/now/v2/table', '/api/now/v1/table'];

export const tableRoutes: Route<ServiceNowState>[] = BASES.flatMap((base): Route<ServiceNowState>[] => [
	{
		method: 'GET',
		path: `${base}/:table`,
		bucket: 'instance',
		handle: withTable((state, req, table) => listRecords(state, table, req)),
	},
	{
		method: 'POST',
		path: `${base}/:table`,
		bucket: 'instance',
		handle: withTable(withJsonBody((state, req, table) => {
			const record = writeRecord(state, table, body(req), userOf(req));
			return {
				status: 201,
				headers: { Location: `${req.baseUrl}/api/now/table/${table}/${record.sys_id}`, ...dateHeader(state) },
				body: { result: renderRecord(state, table, record, renderOptions(req)) },
			};
		})),
	},
	{
		method: 'GET',
		path: `${base}/:table/:sysId`,
		bucket: 'instance',
		handle: withTable((state, req, table) => {
			const record = findRecord(state, table, req.params.sysId);
			if (!record) return noRecord();
			return { status: 200, headers: dateHeader(state), body: { result: renderRecord(state, table, record, renderOptions(req)) } };
		}),
	},
	...(['PATCH', 'PUT'] as const).map(
		(method): Route<ServiceNowState> => ({
			method,
			path: `${base}/:table/:sysId`,
			bucket: 'instance',
			handle: withTable(withJsonBody((state, req, table) => {
				const record = findRecord(state, table, req.params.sysId);
				if (!record) return noRecord();
				writeRecord(state, table, body(req), userOf(req), record);
				return { status: 200, headers: dateHeader(state), body: { result: renderRecord(state, table, record, renderOptions(req)) } };
			})),
		}),
	),
	{
		method: 'DELETE',
		path: `${base}/:table/:sysId`,
		bucket: 'instance',
		handle: withTable((state, req, table) => (deleteRecord(state, table, req.params.sysId) ? { status: 204 } : noRecord())),
	},
]);
