import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { groupId, userId } from '../../sandbox/vendors/servicenow/state';
import { incidents, journal, locator, serviceNowWorkflow } from './helpers';

describe('ServiceNow incidents through n8n-core WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const run = async (parameters: Record<string, unknown>, items = [{ json: {} }]) =>
		await env.engine.run(serviceNowWorkflow({ resource: 'incident', ...parameters }), { items });

	it('creates an incident with named codes, references and a work note; ServiceNow computes the priority', async () => {
		const result = await run({
			operation: 'create',
			shortDescription: 'Phishing email reported by finance',
			caller: locator('list', userId('frank.garcia')),
			assignmentGroup: locator('list', groupId('Security Operations')),
			assignedTo: locator('id', userId('alice.chen')),
			additionalFields: { impact: 'high', urgency: 'medium', category: 'inquiry', workNote: 'Header analysis attached' },
		});
		expect(result.error('ServiceNow')).toBeUndefined();
		const [incident] = result.json('ServiceNow');
		expect(incident).toEqual(
			expect.objectContaining({
				number: 'INC0010009',
				state: '1',
				state_label: 'New',
				impact: '1',
				urgency: '2',
				priority: '2',
				priority_label: 'High',
				assignment_group: 'Security Operations',
				assigned_to: 'Alice Chen',
				caller: 'Frank Garcia',
			}),
		);
		expect(journal(env.sandbox, incident.sys_id as string).map((j) => j.value)).toEqual(['Header analysis attached']);
		const post = env.sandbox.requests.find((r) => r.method === 'POST');
		expect(post?.path).toBe('/api/now/table/incident');
		expect((post?.body as Record<string, string>).impact).toBe('1');
	});

	it('gets an incident by number and by sys_id, raw when Simplify is off', async () => {
		const byNumber = await run({ operation: 'get', incident: locator('number', 'INC0010005') });
		const [simple] = byNumber.json('ServiceNow');
		expect(simple).toEqual(expect.objectContaining({ number: 'INC0010005', state_label: 'On Hold', correlation_id: 'tvo-wb-7781' }));
		const raw = await run({ operation: 'get', incident: locator('id', simple.sys_id as string), simplify: false });
		const [record] = raw.json('ServiceNow');
		expect(record.number).toBe('INC0010005');
		// Values are strings and references {link, value}, as ServiceNow returns them.
		expect(record.impact).toBe('1');
		expect(record.assignment_group).toEqual({ link: expect.stringContaining('/api/now/table/sys_user_group/'), value: groupId('Security Operations') });
	});

	it('gets many incidents from fields, pages through all of them, and honours Limit', async () => {
		const soc = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { assignmentGroupName: 'Security Operations', states: ['inProgress', 'onHold'] },
		});
		expect(soc.json('ServiceNow').map((i) => i.number)).toEqual(['INC0010001', 'INC0010005', 'INC0010008']);
		const limited = await run({ operation: 'getMany', returnAll: false, limit: 3, filters: { active: false } });
		expect(limited.json('ServiceNow').map((i) => i.number)).toEqual(['INC0010007']);
		const all = await run({ operation: 'getMany', returnAll: false, limit: 3, filters: {} });
		expect(all.json('ServiceNow')).toHaveLength(3);
	});

	it('gets many incidents from a raw encoded query with chosen fields and display values', async () => {
		const result = await run({
			operation: 'getMany',
			returnAll: true,
			filterBy: 'query',
			query: 'priority<=2^ORcategory=database^ORDERBYDESCnumber',
			simplify: false,
			outputOptions: { fields: 'number,priority,state', displayValue: 'true' },
		});
		const rows = result.json('ServiceNow');
		expect(rows[0]).toEqual({ number: 'INC0010008', priority: '1 - Critical', state: 'In Progress' });
		expect(rows.map((r) => r.number)).toEqual(['INC0010008', 'INC0010006', 'INC0010005', 'INC0010003', 'INC0010002']);
	});

	it('updates, adds a work note and a comment, and resolves with close code and notes', async () => {
		const target = locator('number', 'INC0010002');
		const updated = await run({ operation: 'update', incident: target, updateFields: { state: 'In Progress', urgency: 'low' } });
		expect(updated.json('ServiceNow')[0]).toEqual(expect.objectContaining({ state: '2', urgency: '3', priority: '4' }));
		await run({ operation: 'addWorkNote', incident: target, workNote: 'Checked sign-in logs' });
		await run({ operation: 'addComment', incident: target, comment: 'We are looking into it' });
		const resolved = await run({ operation: 'resolve', incident: target, closeCode: 'Solution provided', closeNotes: 'Session revoked' });
		expect(resolved.json('ServiceNow')[0]).toEqual(expect.objectContaining({ state: '6', state_label: 'Resolved', close_code: 'Solution provided' }));
		const record = incidents(env.sandbox).find((i) => i.number === 'INC0010002')!;
		expect(record.resolved_at).not.toBe('');
		expect(journal(env.sandbox, record.sys_id).map((j) => j.value)).toEqual(['Checked sign-in logs']);
		expect(journal(env.sandbox, record.sys_id, 'comments').map((j) => j.value)).toEqual(['We are looking into it']);
	});

	it('takes the caller and assignee by email or user name and the group by name, as alert data carries them', async () => {
		const result = await run({
			operation: 'create',
			shortDescription: 'Suspicious sign-in',
			caller: locator('user', 'frank.garcia@acme.example'),
			assignmentGroup: locator('name', 'Security Operations'),
			assignedTo: locator('user', 'alice.chen'),
		});
		expect(result.error('ServiceNow')).toBeUndefined();
		expect(result.json('ServiceNow')[0]).toEqual(
			expect.objectContaining({ caller_id: userId('frank.garcia'), assigned_to_id: userId('alice.chen'), assignment_group_id: groupId('Security Operations') }),
		);
	});

	it('names the field when a user or group name matches nothing, and creates nothing', async () => {
		const before = incidents(env.sandbox).length;
		const result = await run({ operation: 'create', shortDescription: 'x', caller: locator('user', 'nobody@acme.example') });
		expect(result.error('ServiceNow')?.message).toBe('Caller "nobody@acme.example" was not found');
		const group = await run({ operation: 'create', shortDescription: 'x', assignmentGroup: locator('name', 'x^ORactive=false') });
		expect(group.error('ServiceNow')?.message).toMatch(/^Assignment Group ".*" cannot be used in a ServiceNow query$/);
		expect(incidents(env.sandbox)).toHaveLength(before);
	});

	describe('bad input', () => {
		it('names the item and field for an unknown sys_id and keeps ServiceNow\'s message', async () => {
			const result = await run({ operation: 'get', incident: locator('id', 'ffffffffffffffffffffffffffffffff') });
			const error = result.error('ServiceNow');
			expect(error?.message).toBe('ServiceNow: No Record found: no incident with sys_id ffffffffffffffffffffffffffffffff');
			expect(error?.description).toContain("Record doesn't exist or ACL restricts the record retrieval");
			expect(error?.httpCode).toBe('404');
			expect(error?.context?.itemIndex).toBe(0);
		});

		it('rejects an invalid state name before sending anything', async () => {
			const result = await env.engine.run(
				serviceNowWorkflow({ resource: 'incident', operation: 'update', incident: locator('number', 'INC0010002'), updateFields: { state: '={{ $json.state }}' } }),
				{ items: [{ json: { state: 'In Progress' } }, { json: { state: 'Pending vendor' } }] },
			);
			const error = result.error('ServiceNow');
			expect(error?.message).toBe('State "Pending vendor" is not a valid incident state');
			expect(error?.description).toContain('Resolved (6)');
			expect(error?.context?.itemIndex).toBe(1);
		});

		it('rejects an empty short description, naming the field and the item', async () => {
			const result = await env.engine.run(
				serviceNowWorkflow({ resource: 'incident', operation: 'create', shortDescription: '={{ $json.title }}' }),
				{ items: [{ json: { title: '   ' } }] },
			);
			expect(result.error('ServiceNow')?.message).toBe('Short Description is empty');
			expect(result.error('ServiceNow')?.context?.itemIndex).toBe(0);
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it("keeps ServiceNow's own data-policy message when resolving without notes is refused", async () => {
			const result = await run({ operation: 'update', incident: locator('number', 'INC0010002'), updateFields: { state: 'resolved' } });
			const error = result.error('ServiceNow');
			expect(error?.message).toBe('ServiceNow: Operation Failed');
			expect(error?.description).toContain('The following fields are mandatory: Resolution code, Resolution notes');
			expect(error?.httpCode).toBe('403');
		});

		it('reports per item with Continue On Fail', async () => {
			const workflow = serviceNowWorkflow(
				{ resource: 'incident', operation: 'get', incident: locator('number', '={{ $json.number }}') },
				{ onError: 'continueRegularOutput' },
			);
			const result = await env.engine.run(workflow, { items: [{ json: { number: 'INC0099999' } }, { json: { number: 'INC0010001' } }] });
			const output = result.output('ServiceNow');
			expect(output[0]).toEqual({ json: expect.objectContaining({ error: 'Incident INC0099999 was not found' }), pairedItem: { item: 0 } });
			expect(output[1].json.number).toBe('INC0010001');
		});
	});
});
