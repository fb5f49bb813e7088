import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from './harness';
import { startSandboxEngine } from './harness';
import { redactText } from '../nodes/shared/redact';
import { OKTA_NODE, oktaWorkflow } from './okta/workflow';
import { serviceNowWorkflow } from './servicenow/helpers';

/** Filter values that come from alert data through expressions and are not usable text. */
const NOT_TEXT: Array<[string, unknown, RegExp]> = [
	['an empty string', '', /is empty$/],
	['whitespace', '   ', /is empty$/],
	['null', null, /is null, not text$/],
	['an object', { login: 'x' }, /is an object, not text$/],
	['an array', ['a', 'b'], /is an array, not text$/],
	['a boolean', true, /is a boolean, not text$/],
];

/**
 * A filter built from item data fails closed: when its value is empty, null or not text, the node raises a
 * NodeOperationError naming the field and sends nothing, instead of dropping the condition and returning everything.
 */
describe('filters from item data fail closed', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const runWith = async (workflow: ReturnType<typeof oktaWorkflow>, value: unknown, node: string) => {
		const result = await env.engine.run(workflow, { items: [{ json: { value } as IDataObject }] });
		return result.error(node);
	};

	describe('Okta System Log Get Many', () => {
		const logs = (filters: IDataObject) => oktaWorkflow({ resource: 'systemLog', operation: 'getMany', filters });

		it.each(NOT_TEXT)('refuses an Actor Login that is %s', async (_case, value, message) => {
			const error = await runWith(logs({ actorLogin: '={{ $json.value }}' }), value, OKTA_NODE);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(new RegExp(`^Actor Login ${message.source}`));
			expect(error?.context?.itemIndex).toBe(0);
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it('refuses a value longer than Okta accepts', async () => {
			const error = await runWith(logs({ ipAddress: '={{ $json.value }}' }), '1'.repeat(513), OKTA_NODE);
			expect(error?.message).toBe('IP Address is longer than 512 characters');
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it('still sends a filter with a usable value, and no filter when none was added', async () => {
			const filtered = await env.engine.run(logs({ eventType: '={{ $json.value }}' }), { items: [{ json: { value: 'user.session.start' } }] });
			expect(filtered.error(OKTA_NODE)).toBeUndefined();
			expect(env.sandbox.requests[0].query.filter).toEqual(['eventType eq "user.session.start"']);
			await env.engine.run(logs({}), { items: [{ json: {} }] });
			expect(env.sandbox.requests[1].query.filter).toBeUndefined();
		});
	});

	describe('ServiceNow incident Get Many', () => {
		const search = (filters: IDataObject) => serviceNowWorkflow({ resource: 'incident', operation: 'getMany', filterBy: 'fields', filters });

		it.each(NOT_TEXT)('refuses a Correlation ID that is %s', async (_case, value, message) => {
			const error = await runWith(search({ correlationId: '={{ $json.value }}' }), value, 'ServiceNow');
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(new RegExp(`^Correlation ID ${message.source}`));
			expect(error?.context?.itemIndex).toBe(0);
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it('refuses a correlation ID longer than the field', async () => {
			const error = await runWith(search({ correlationId: '={{ $json.value }}' }), 'x'.repeat(101), 'ServiceNow');
			expect(error?.message).toBe("Correlation ID is 101 characters long; ServiceNow's field holds at most 100");
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it.each([['javascript:gs.getUserID()'], ['JavaScript :new GlideRecord("sys_user")'], ['x^ORjavascript:1']])(
			'refuses a script value %s',
			async (value) => {
				const error = await runWith(search({ caller: '={{ $json.value }}' }), value, 'ServiceNow');
				expect(error?.name).toBe('NodeOperationError');
				expect(env.sandbox.requests).toHaveLength(0);
			},
		);

		it('refuses an opened-after date that is not a date', async () => {
			const error = await runWith(search({ openedAfter: '={{ $json.value }}' }), 'yesterday-ish', 'ServiceNow');
			expect(error?.message).toBe('Opened After "yesterday-ish" is not a date');
		});
	});

	describe('ServiceNow Table Record Get Many', () => {
		const records = (operator: string, value: unknown) =>
			env.engine.run(
				serviceNowWorkflow({
					resource: 'tableRecord',
					operation: 'getMany',
					table: 'sys_user_group',
					conditions: { condition: [{ field: 'name', operator, value: '={{ $json.value }}' }] },
				}),
				{ items: [{ json: { value } as IDataObject }] },
			);

		it('finds records with the default Equals operator (n8n would read a literal "=" option as an expression)', async () => {
			const result = await records('equals', 'Security Operations');
			expect(result.error('ServiceNow')).toBeUndefined();
			expect(result.json('ServiceNow').map((r) => r.name)).toEqual(['Security Operations']);
			expect(env.sandbox.requests[0].query.sysparm_query).toEqual(['name=Security Operations^ORDERBYsys_id']);
		});

		it('refuses a null value, an empty list and a list entry with a comma', async () => {
			expect((await records('equals', null)).error('ServiceNow')?.message).toBe('Condition 1 is null, not text');
			expect((await records('in', ['Security Operations,Service Desk'])).error('ServiceNow')?.message).toBe(
				'Condition 1 "Security Operations,Service Desk" contains a comma',
			);
			expect((await records('in', [])).error('ServiceNow')?.message).toBe('Condition 1 has no values');
			expect(env.sandbox.requests).toHaveLength(0);
		});

		it('refuses an unknown operator, listing the valid ones', async () => {
			const error = (await records('like', 'x')).error('ServiceNow');
			expect(error?.message).toBe('Condition 1 operator "like" is not supported');
			expect(error?.description).toMatch(/^Pick the operator from the list: equals, notEquals, contains/);
		});
	});
});

describe('redaction keeps words', () => {
	it('leaves hints that name an auth scheme readable, and still redacts tokens after it', () => {
		const hint = 'Okta did not issue an access token: invalid_client. Check the client ID, private key, scopes and the DPoP setting.';
		expect(redactText(hint)).toBe(hint);
		expect(redactText('Okta kept asking for a new DPoP nonce. Tick Require DPoP proofs.')).toBe('Okta kept asking for a new DPoP nonce. Tick Require DPoP proofs.');
		expect(redactText('Authorization: DPoP eyJhbGciOiJFUzI1NiJ9.e30.sig')).toBe('Authorization: DPoP [redacted]');
		expect(redactText('SSWS 00abcdefghijklmnopqrstuvwxyzABCDEFGHIJK')).toBe('SSWS [redacted]');
	});
});
