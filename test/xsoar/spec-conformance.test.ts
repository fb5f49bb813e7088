import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { Engine, WorkflowJson } from '../harness';
import { testCredential } from '../harness';
import { MODES, XSOAR_NODE, xsoarCredential, xsoarEngine, xsoarWorkflow } from './helpers';
import type { Mode } from './helpers';
import subset from './xsoar-spec-subset.json';

/** Generated from xsoar-server-api.swagger.json by scripts/xsoar-spec-subset.ts (tests cannot read the spec itself). */
const OPERATIONS = subset.operations as unknown as Array<{ method: string; path: string; operationId: string; body: Record<string, string[]> }>;

/**
 * Calls the swagger does not describe, each with where its shape comes from (see docs/xsoar.md). Anything else the
 * nodes send must be a swagger operation with only the body properties it defines.
 */
const UNDOCUMENTED: Record<string, string> = {
	'POST /incident/close': 'demisto-sdk close_incident',
	'POST /incident/investigate': 'polarityio/cortex-xsoar runPlaybook',
	'POST /inv-playbook/new/{playbookId}/{investigationId}': 'polarityio/cortex-xsoar runPlaybook',
	'POST /investigation/:id/reopen': 'demisto/content scripts (core-api-post)',
	'POST /investigation/{incidentId}': 'the XSOAR server\'s investigation read (not in the published swagger)',
	'GET /user': 'ConductorOne baton-xsoar',
	'GET /users': 'ConductorOne baton-xsoar',
	'GET /roles': 'ConductorOne baton-xsoar',
	'POST /users/update': 'ConductorOne baton-xsoar',
};

/** The XSOAR 6 path of a request: XSOAR 8 serves the same set under /xsoar and the public API under /xsoar/public/v1. */
const serverPath = (path: string) =>
	path
		.replace(/^\/xsoar\/public\/v1(?=\/)/, '')
		.replace(/^\/xsoar(?=\/)/, '')
		.replace(/^\/inv-playbook\/new\/[^/]+\/[^/]+$/, '/inv-playbook/new/{playbookId}/{investigationId}')
		.replace(/^\/investigation\/[^/]+$/, '/investigation/{incidentId}');

/** Property names in `body` that the spec's shape does not define, as `where.name`. */
function unknownProperties(body: unknown, shape: Record<string, string[]>, at = ''): string[] {
	if (!body || typeof body !== 'object') return [];
	if (Array.isArray(body)) return body.flatMap((entry) => unknownProperties(entry, shape, `${at}[]`));
	const allowed = shape[at];
	if (!allowed) return [];
	return Object.entries(body as IDataObject).flatMap(([name, value]) => [
		...(allowed.includes(name) ? [] : [`${at ? `${at}.` : ''}${name}`]),
		...unknownProperties(value, shape, at ? `${at}.${name}` : name),
	]);
}

function problemsOf(request: RecordedRequest): string[] {
	const path = serverPath(request.path);
	const call = `${request.method} ${path}`;
	if (request.path.startsWith('/xsoar/public/v1/') && !['/incident', '/incidents/search'].includes(path)) {
		return [`${request.method} ${request.path}: not part of the XSOAR 8 public API`];
	}
	const op = OPERATIONS.find((o) => o.method === request.method && o.path === path);
	if (!op) return call in UNDOCUMENTED ? [] : [`${call}: no such operation in the swagger, and not a documented exception`];
	return unknownProperties(request.body, op.body).map((name) => `${call}: body property "${name}" is not in ${op.operationId}`);
}

describe.each(MODES)("every request the XSOAR nodes send matches the XSOAR server API swagger (%s)", (mode: Mode) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = xsoarEngine(sandbox, mode);
	});
	afterAll(async () => await sandbox.close());

	const run = async (parameters: IDataObject) => {
		const result = await engine.run(xsoarWorkflow(parameters));
		expect(result.error(XSOAR_NODE)?.message).toBeUndefined();
		return result.json(XSOAR_NODE);
	};
	const trigger = (event: string): WorkflowJson => ({
		nodes: [
			{
				id: '0c5a0e9e-0000-4000-8000-0000000005f1',
				name: 'T',
				type: 'n8n-nodes-secops.xsoarTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'apiKey', event, filters: { types: 'Malware', severities: ['high'], query: '-status:closed' } },
				credentials: { secOpsXsoarApi: { id: 'xsoar-sandbox', name: 'XSOAR Sandbox' } },
			},
		],
		connections: {},
	});

	it('runs every operation, the trigger and the credential test, and checks path, method and body of each call', async () => {
		sandbox.reset();
		const incident = { resource: 'incident' };
		const create = {
			name: 'Spec tour',
			severity: 'medium',
			incidentType: 'Malware',
			additionalFields: { details: 'd', owner: 'alice', playbookId: 'pb', labels: { label: [{ type: 'Instance', value: 'n8n' }] }, customFields: '{"scanip": "10.0.0.1"}', occurred: '2026-01-01T00:00:00Z' },
		};
		const [created] = await run({ ...incident, operation: 'create', ...create, startInvestigation: false });
		await run({ ...incident, operation: 'findOrCreate', externalKey: 'SPEC-1', ...create });
		await run({ ...incident, operation: 'findOrCreate', externalKey: 'SPEC-1', ...create });
		await run({ ...incident, operation: 'get', incidentId: created.id });
		await run({ ...incident, operation: 'search', returnAll: true, filters: { statuses: [1], severities: ['high'], types: 'Malware', owner: 'alice', rawQuery: '-status:closed', createdWithin: { period: { amount: 2, unit: 'day' } }, fieldConditions: { condition: [{ field: 'scanip', value: '10.0.0.1' }] } } });
		await run({ ...incident, operation: 'update', incidentId: created.id, updateFields: { severity: 'high', name: 'Spec tour 2', customFields: '{"scanip": "10.0.0.2"}' } });
		await run({ resource: 'warRoom', operation: 'addEntry', incidentId: created.id, entry: 'note' });
		await run({ ...incident, operation: 'investigate', incidentId: '4' });
		await run({ ...incident, operation: 'runPlaybook', incidentId: '4', playbookId: 'Block IP' });
		await run({ ...incident, operation: 'close', incidentId: created.id, closeReason: 'Resolved', closeNotes: 'n', customFields: '{"scanip": "x"}' });
		await run({ resource: 'warRoom', operation: 'getEntries', incidentId: created.id, limit: 10, filters: { tags: 'evidence', fromTime: '2026-01-01T00:00:00Z' } });
		await run({ ...incident, operation: 'reopen', incidentId: created.id });
		await run({ resource: 'user', operation: 'getCurrent' });
		await run({ resource: 'user', operation: 'get', user: 'bob' });
		await run({ resource: 'user', operation: 'getMany', returnAll: true });
		await run({ resource: 'role', operation: 'getMany', returnAll: true });
		await run({ resource: 'userRole', operation: 'addRole', user: 'bob', role: 'Read-Only' });
		await run({ resource: 'userRole', operation: 'removeRole', user: 'bob', role: 'Read-Only' });
		for (const event of ['created', 'modified']) {
			const first = await engine.poll(trigger(event), 'T', { persist: 'always' });
			await engine.poll(trigger(event), 'T', { staticData: first.staticData, persist: 'always' });
			await engine.poll(trigger(event), 'T', { mode: 'manual' });
		}
		expect((await testCredential('secOpsXsoarApi', xsoarCredential(sandbox, mode))).status).toBe('OK');

		const requests = sandbox.requests.filter((r) => r.vendor === 'xsoar');
		expect(requests.length).toBeGreaterThan(30);
		expect(requests.flatMap(problemsOf)).toEqual([]);
		const used = new Set(requests.map((r) => OPERATIONS.find((o) => o.method === r.method && o.path === serverPath(r.path))?.operationId ?? `${r.method} ${serverPath(r.path)}`));
		expect([...used].sort()).toEqual(['GET /roles', 'GET /user', 'GET /users', 'POST /incident/close', 'POST /incident/investigate', 'POST /inv-playbook/new/{playbookId}/{investigationId}', 'POST /investigation/:id/reopen', 'POST /investigation/{incidentId}', 'POST /users/update', 'createIncident', 'investigationAddEntryHandler', 'searchIncidents']);
	});

	it('would catch a request the spec does not allow', () => {
		const at = (path: string, body: unknown) => problemsOf({ method: 'POST', path, body } as RecordedRequest);
		expect(at('/incidents/search', { filter: { size: 1, sizee: 2 } })).toEqual(['POST /incidents/search: body property "filter.sizee" is not in searchIncidents']);
		expect(at('/incident', { name: 'x', labels: [{ type: 'a', value: 'b', colour: 'red' }] })).toEqual(['POST /incident: body property "labels[].colour" is not in createIncident']);
		expect(at('/xsoar/public/v1/entry', { investigationId: '1', data: 'x' })).toEqual(['POST /xsoar/public/v1/entry: not part of the XSOAR 8 public API']);
		expect(at('/incident/reopen', { id: '1' })).toEqual(['POST /incident/reopen: no such operation in the swagger, and not a documented exception']);
	});
});
