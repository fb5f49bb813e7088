import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import { VISION_ONE_NODE, visionOneWorkflow } from './workflow';

describe('Vision One Case Management through WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<VisionOneState>('visionone');
	const run = async (operation: string, extra: Record<string, unknown> = {}) => {
		const result = await env.engine.run(visionOneWorkflow({ resource: 'case', operation, ...extra }));
		return { json: result.json(VISION_ONE_NODE), error: result.error(VISION_ONE_NODE) };
	};

	it('Get Many finds the ServiceNow-synced cases by type and ticket; Get returns one with its ETag', async () => {
		const synced = await run('getMany', { returnAll: true, filters: { types: ['TPIServiceNow'] } });
		expect(synced.json.map((c) => c.externalTicketId).sort()).toEqual(['INC0010001', 'INC0010002']);
		const byTicket = await run('getMany', { filters: { externalTicketId: 'INC0010002' } });
		expect(byTicket.json).toEqual([expect.objectContaining({ type: 'TPIServiceNow', externalTicketAlias: 'ServiceNow INC0010002', status: 'Open' })]);
		const one = await run('get', { caseId: byTicket.json[0].id });
		expect(one.json[0]).toEqual(expect.objectContaining({ id: byTicket.json[0].id, etag: expect.stringMatching(/^[0-9a-f]{40}$/) }));
		expect(one.json[0].version).toBeUndefined();
	});

	it('Return All follows nextLink through pages of 100; Limit asks for the smallest page that holds it', async () => {
		const template = state().cases[1];
		for (let i = 0; i < 120; i++) state().cases.push({ ...template, id: `CL-1-20260105-${String(100 + i).padStart(5, '0')}` });
		const { json } = await run('getMany', { returnAll: true });
		expect(json).toHaveLength(123);
		expect(new Set(json.map((c) => c.id)).size).toBe(123);
		expect(env.sandbox.requests.map((r) => (r.query.skipToken ? 'next' : r.query.top[0]))).toEqual(['100', 'next']);
		env.sandbox.requests.length = 0;
		expect((await run('getMany', { limit: 5 })).json).toHaveLength(5);
		expect(env.sandbox.requests.map((r) => r.query.top[0])).toEqual(['10']);
	});

	it('Create opens a case mirroring the ticket; Update changes status and the external ticket, If-Match handled', async () => {
		const created = await run('create', { name: 'Okta anomaly for alice', priority: 'P1', externalTicketId: 'INC0010042', externalTicketAlias: 'ServiceNow INC0010042', additionalFields: { associatedItemIds: `${state().alerts[0].id}, ${state().alerts[1].id}`, findings: 'TruePositive' } });
		expect(created.json[0]).toEqual(expect.objectContaining({ id: expect.stringMatching(/^CL-1-\d{8}-00004$/), type: 'TPIServiceNow', priority: 'P1', status: 'Open', findings: 'TruePositive', associatedItemIds: [state().alerts[0].id, state().alerts[1].id] }));
		const id = created.json[0].id as string;
		env.sandbox.faults.add({ vendor: 'visionone', method: 'PATCH', kind: 'status', status: 412, times: 1 });
		const updated = await run('update', { caseId: id, updateFields: { status: 'Closed', externalTicketId: 'INC0010043', externalTicketAlias: 'ServiceNow INC0010043' } });
		expect(updated.json[0]).toEqual(expect.objectContaining({ caseId: id, updated: true, status: 'Closed', retriedAfterConflict: true }));
		expect(state().cases.find((c) => c.id === id)).toEqual(expect.objectContaining({ status: 'Closed', externalTicketId: 'INC0010043', externalTicketUpdatedDateTime: expect.any(String) }));
	});

	it('refuses empty required values and unsafe case IDs before sending anything', async () => {
		expect((await run('create', { name: 'x', externalTicketId: '={{ "" }}', externalTicketAlias: 'a' })).error?.message).toBe('External Ticket ID is empty');
		expect((await run('update', { caseId: 'CL-1/../x', updateFields: { status: 'Closed' } })).error?.message).toBe('Case ID "CL-1/../x" is not a valid identifier');
		expect((await run('update', { caseId: 'CL-1', updateFields: {} })).error?.message).toBe('Nothing to update');
		expect((await run('getMany', { filters: { externalTicketId: '={{ null }}' } })).error?.message).toMatch(/^External Ticket ID is (null|empty)/);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
