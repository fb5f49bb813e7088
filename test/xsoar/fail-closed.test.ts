import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { Engine } from '../harness';
import { XSOAR_NODE, xsoarEngine, xsoarWorkflow } from './helpers';

const NOT_TEXT: Array<[string, unknown, RegExp]> = [
	['an empty string', '', /is empty$/],
	['whitespace', '   ', /is empty$/],
	['null', null, /is null, not text$/],
	['an object', { login: 'x' }, /is an object, not text$/],
	['an array', ['a', 'b'], /is an array, not text$/],
	['a boolean', true, /is a boolean, not text$/],
];

/** Search conditions from item data fail closed: an unusable value is an error naming the field, and nothing is sent. */
describe('Cortex XSOAR search conditions from item data fail closed', () => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = xsoarEngine(sandbox, 'v6');
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const search = async (filters: IDataObject, value: unknown) =>
		(await engine.run(xsoarWorkflow({ resource: 'incident', operation: 'search', returnAll: true, filters }), { items: [{ json: { value } as IDataObject }] })).error(XSOAR_NODE);

	it.each(NOT_TEXT)('Owner from %s', async (_label, value, message) => {
		const error = await search({ owner: '={{ $json.value }}' }, value);
		expect(error?.message).toMatch(new RegExp(`^Owner ${message.source}`));
		expect(error?.description).toContain('would match every incident');
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each(NOT_TEXT)('a Field Equals value from %s', async (_label, value, message) => {
		const error = await search({ fieldConditions: { condition: [{ field: 'externalkey', value: '={{ $json.value }}' }] } }, value);
		expect(error?.message).toMatch(new RegExp(`^Field externalkey ${message.source}`));
		expect(sandbox.requests).toHaveLength(0);
	});

	it('an empty Types or Raw Query filter is refused, not dropped', async () => {
		expect((await search({ types: ' , ' }, null))?.message).toBe('Types is empty');
		expect((await search({ rawQuery: '  ' }, null))?.message).toBe('Raw Query is empty');
		expect(sandbox.requests).toHaveLength(0);
	});
});
