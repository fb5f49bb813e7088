import type { ItemResult } from '../../framework/multiStatus';
import type { Route, SandboxRequest } from '../../framework/types';
import { headerValue } from '../../framework/auth';
import { badRequest } from './errors';
import { parseFilter } from './filter';
import { batch, itemError, magicError, queueTask } from './responseTasks';
import type { Endpoint, ObjectType, TaskSubject, VisionOneState } from './state';

const OBJECT_TYPES: ObjectType[] = ['url', 'domain', 'ip', 'fileSha1', 'fileSha256', 'senderMailAddress'];

function isolation(state: VisionOneState, req: SandboxRequest, isolate: boolean, entry: Record<string, unknown> | undefined): ItemResult {
	const by = typeof entry?.agentGuid === 'string' ? 'agentGuid' : typeof entry?.endpointName === 'string' ? 'endpointName' : undefined;
	if (!by) return itemError(400, 'BadRequest', 'Required fields not found: agentGuid or endpointName');
	const value = String(entry![by]);
	const magic = magicError(value);
	if (magic) return magic;
	const endpoint = state.endpoints.find((e) => (by === 'agentGuid' ? e.agentGuid === value : e.endpointName.toLowerCase() === value.toLowerCase()));
	if (!endpoint) return itemError(400, 'BadRequest', 'Target not found.');
	const subject: TaskSubject = {
		action: isolate ? 'isolate' : 'restoreIsolate',
		description: typeof entry?.description === 'string' ? entry.description : undefined,
		names: [endpoint.agentGuid, endpoint.endpointName],
		fields: () => ({ agentGuid: endpoint.agentGuid, endpointName: endpoint.endpointName }),
		carryOut: () => {
			endpoint.isolated = isolate;
			return undefined;
		},
	};
	return queueTask(state, req, subject);
}

function suspiciousObject(state: VisionOneState, req: SandboxRequest, add: boolean, entry: Record<string, unknown> | undefined): ItemResult {
	const present = OBJECT_TYPES.filter((type) => entry?.[type] !== undefined);
	if (present.length !== 1) return itemError(400, 'BadRequest', `Required fields not found: exactly one of ${OBJECT_TYPES.join(', ')}`);
	const type = present[0];
	const value = entry![type];
	if (typeof value !== 'string' || value.trim() === '' || value.length > 2048) return itemError(400, 'BadRequest', `Invalid field format: ${type}`);
	if (type === 'fileSha1' && !/^[0-9a-fA-F]{40}$/.test(value)) return itemError(400, 'BadRequest', 'Invalid field format: fileSha1');
	if (type === 'fileSha256' && !/^[0-9a-fA-F]{64}$/.test(value)) return itemError(400, 'BadRequest', 'Invalid field format: fileSha256');
	const magic = magicError(value);
	if (magic) return magic;
	const key = `${type}:${type.startsWith('file') ? value.toLowerCase() : value}`;
	const subject: TaskSubject = {
		action: add ? 'block' : 'restoreBlock',
		description: typeof entry?.description === 'string' ? entry.description : undefined,
		names: [key],
		fields: () => ({ [type]: value }),
		carryOut: () => {
			if (add) state.blockList.add(key);
			else state.blockList.delete(key);
			return undefined;
		},
	};
	return queueTask(state, req, subject);
}

/** The inventory record as `/v3.0/eiqs/endpoints` shows it (pytmv1 `Endpoint`). */
function renderEndpoint(e: Endpoint): Record<string, unknown> {
	return {
		agentGuid: e.agentGuid,
		loginAccount: { value: [e.loginAccount], updatedDateTime: '2026-01-05T09:00:00Z' },
		endpointName: { value: e.endpointName, updatedDateTime: '2026-01-05T09:00:00Z' },
		macAddress: { value: [`00:1c:42:00:00:${e.agentGuid.slice(-2)}`], updatedDateTime: '2026-01-05T09:00:00Z' },
		ip: { value: e.ips, updatedDateTime: '2026-01-05T09:00:00Z' },
		osName: e.osName,
		osVersion: e.osName === 'Windows' ? '10.0.19045' : '1.0',
		osDescription: `${e.osName} (sandbox)`,
		productCode: 'sao',
		installedProductCodes: ['xes'],
		isolationStatus: e.isolated ? 'isolated' : 'normal',
	};
}

const ENDPOINT_FIELDS: Record<string, (e: Endpoint) => string[]> = {
	agentGuid: (e) => [e.agentGuid],
	endpointName: (e) => [e.endpointName],
	ip: (e) => e.ips,
	loginAccount: (e) => [e.loginAccount],
	osName: (e) => [e.osName],
};

export const endpointRoutes: Route<VisionOneState>[] = [
	...([true, false] as const).map(
		(isolate): Route<VisionOneState> => ({
			method: 'POST',
			path: `/v3.0/response/endpoints/${isolate ? 'isolate' : 'restore'}`,
			bucket: '/v3.0/response',
			handle: (state, req) => batch(req, (entry) => isolation(state, req, isolate, entry)),
		}),
	),
	...([true, false] as const).map(
		(add): Route<VisionOneState> => ({
			method: 'POST',
			path: add ? '/v3.0/response/suspiciousObjects' : '/v3.0/response/suspiciousObjects/delete',
			bucket: '/v3.0/response',
			handle: (state, req) => batch(req, (entry) => suspiciousObject(state, req, add, entry)),
		}),
	),
	{
		method: 'GET',
		path: '/v3.0/eiqs/endpoints',
		bucket: '/v3.0/eiqs',
		handle(state, req) {
			const query = headerValue(req, 'tmv1-query');
			if (!query) return badRequest('TMV1-Query is required, e.g. endpointName eq \'nimda\'.');
			let matches: (e: Endpoint) => boolean;
			try {
				matches = parseFilter(query, ENDPOINT_FIELDS);
			} catch (error) {
				return badRequest(`Invalid TMV1-Query: ${(error as Error).message}`);
			}
			const items = state.endpoints.filter(matches).map(renderEndpoint);
			return { status: 200, body: { items } };
		},
	},
];
