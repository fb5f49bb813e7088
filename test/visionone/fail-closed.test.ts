import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { VISION_ONE_NODE, visionOneWorkflow } from './workflow';

/** Values from alert data that are not usable text (as in test/fail-closed.test.ts). */
const NOT_TEXT: Array<[string, unknown, RegExp]> = [
	['an empty string', '', /is empty$/],
	['whitespace', '   ', /is empty$/],
	['null', null, /is null, not text$/],
	['an object', { login: 'x' }, /is an object, not text$/],
	['a boolean', true, /is a boolean, not text$/],
];

/** Every Vision One field that takes item data refuses unusable values before anything is sent. */
describe('Vision One fields from item data fail closed', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const FIELDS: Array<[string, IDataObject, string]> = [
		['Workbench Alert Get Many: Entity Value', { resource: 'alert', operation: 'getMany', filters: { entityValue: '={{ $json.value }}' } }, 'Entity Value'],
		['Workbench Alert Get Many: Model', { resource: 'alert', operation: 'getMany', filters: { model: '={{ $json.value }}' } }, 'Model'],
		['Workbench Alert Get Many: Indicator Value', { resource: 'alert', operation: 'getMany', filters: { indicatorValue: '={{ $json.value }}' } }, 'Indicator Value'],
		['Account Disable: Accounts', { resource: 'account', operation: 'disable', accounts: '={{ $json.value }}' }, 'Accounts'],
		['Endpoint Isolate: Endpoints', { resource: 'endpoint', operation: 'isolate', endpoints: '={{ $json.value }}' }, 'Endpoints'],
		['Endpoint Get: Value', { resource: 'endpoint', operation: 'get', value: '={{ $json.value }}' }, 'Value'],
		['Suspicious Object Add: Values', { resource: 'suspiciousObject', operation: 'add', values: '={{ $json.value }}' }, 'Values'],
		['Case Get Many: External Ticket ID', { resource: 'case', operation: 'getMany', filters: { externalTicketId: '={{ $json.value }}' } }, 'External Ticket ID'],
		['Response Task Get Many: Account', { resource: 'task', operation: 'getMany', filters: { account: '={{ $json.value }}' } }, 'Account'],
	];

	describe.each(FIELDS)('%s', (_label, parameters, field) => {
		it.each(NOT_TEXT)('refuses a value that is %s', async (_case, value, message) => {
			const result = await env.engine.run(visionOneWorkflow(parameters), { items: [{ json: { value } as IDataObject }] });
			const error = result.error(VISION_ONE_NODE);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(new RegExp(`^${field} ${message.source}`));
			expect(error?.context?.itemIndex).toBe(0);
			expect(env.sandbox.requests).toHaveLength(0);
		});
	});

	it.each([
		['Alert ID', { resource: 'alert', operation: 'get', alertId: '={{ $json.value }}' }],
		['Case ID', { resource: 'case', operation: 'get', caseId: '={{ $json.value }}' }],
		['Task ID', { resource: 'task', operation: 'get', taskId: '={{ $json.value }}' }],
	])('refuses an empty or traversing %s', async (field, parameters) => {
		for (const value of ['', '../x', null]) {
			const result = await env.engine.run(visionOneWorkflow(parameters), { items: [{ json: { value } as IDataObject }] });
			expect(result.error(VISION_ONE_NODE)?.message).toMatch(new RegExp(`^${field} `));
		}
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
