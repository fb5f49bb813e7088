import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { ServiceNowState } from '../../sandbox/vendors/servicenow/state';

/** ServiceNow refuses what it refuses: a body that is not JSON writes nothing. */
describe('ServiceNow sandbox fidelity', () => {
	let sandbox: Sandbox;
	let base: string;
	let basic: string;
	const state = () => sandbox.state<ServiceNowState>('servicenow');
	const call = (method: string, path: string, body?: string, contentType = 'application/json') =>
		fetch(`${base}${path}`, {
			method,
			headers: { Authorization: basic, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': contentType }) },
			body,
		});
	const invalidJson = { error: { message: 'Exception while reading request', detail: 'The payload is not valid JSON.' }, status: 'failure' };

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		base = sandbox.vendorUrl('servicenow');
		const { username, password } = sandbox.credentials('servicenow');
		basic = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	it.each(['{"short_description": "Phish', "{short_description: 'x'}", 'short_description=x'])(
		'answers a create whose JSON body does not parse (%s) with 400 and creates nothing',
		async (body) => {
			const before = state().tables.incident.length;
			const response = await call('POST', '/api/now/table/incident', body);
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual(invalidJson);
			expect(state().tables.incident).toHaveLength(before);
		},
	);

	it('answers an update whose JSON body does not parse with 400 and leaves the record as it was', async () => {
		const incident = state().tables.incident[0];
		const before = { ...incident };
		for (const method of ['PATCH', 'PUT']) {
			const response = await call(method, `/api/now/v2/table/incident/${incident.sys_id}`, '{"state": "6",');
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual(invalidJson);
		}
		expect(state().tables.incident[0]).toEqual(before);
	});

	it('still creates from valid JSON, and checks credentials before the body', async () => {
		const created = await call('POST', '/api/now/table/incident', JSON.stringify({ short_description: 'Valid' }));
		expect(created.status).toBe(201);
		const anonymous = await fetch(`${base}/api/now/table/incident`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
		expect(anonymous.status).toBe(401);
	});

	it('prints a working OAuth client with the sample credentials', async () => {
		const { clientId, clientSecret } = sandbox.credentials('servicenow');
		const response = await fetch(`${base}/oauth_token.do`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: String(clientId), client_secret: String(clientSecret) }).toString(),
		});
		expect(response.status).toBe(200);
		const { access_token: token } = (await response.json()) as { access_token: string };
		const incidents = await fetch(`${base}/api/now/table/incident?sysparm_limit=1`, { headers: { Authorization: `Bearer ${token}` } });
		expect(incidents.status).toBe(200);
	});
});
