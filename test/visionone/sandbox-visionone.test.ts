import { Sandbox } from '../../sandbox/framework/server';
import { vendors } from '../../sandbox/vendors';

/** The Vision One sandbox on the wire: auth, envelopes, faults, the filter grammar and 207 parts. */
describe('Vision One sandbox', () => {
	let sandbox: Sandbox;
	let base: string;
	let auth: Record<string, string>;
	beforeAll(async () => {
		sandbox = await new Sandbox({ vendors }).start();
		base = sandbox.vendorUrl('visionone');
		auth = { Authorization: `Bearer ${String(sandbox.credentials('visionone').apiKey)}` };
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const get = async (path: string, headers: Record<string, string> = {}) => {
		const response = await fetch(`${base}${path}`, { headers: { ...auth, ...headers } });
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};

	it('requires a bearer API key (401 in the error envelope) and answers connectivity', async () => {
		const denied = await fetch(`${base}/v3.0/healthcheck/connectivity`);
		expect(denied.status).toBe(401);
		expect(await denied.json()).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
		expect(await get('/v3.0/healthcheck/connectivity')).toEqual({ status: 200, body: { status: 'available' } });
	});

	it.each([
		["severity eq 'critical'", (a: Record<string, unknown>) => a.severity === 'critical'],
		["not (severity eq 'critical' or severity eq 'high')", (a: Record<string, unknown>) => !['critical', 'high'].includes(String(a.severity))],
		["contains(impactScopeEntityValue,'NIMDA') and alertProvider eq 'SAE'", (a: Record<string, unknown>) => JSON.stringify(a.impactScope).includes('nimda')],
		["model eq 'O''Brien'", () => false],
	])('filters alerts with TMV1-Filter %s', async (filter, expected) => {
		sandbox.state<{ alertPageSize: number }>('visionone').alertPageSize = 100;
		const all = await get('/v3.0/workbench/alerts?startDateTime=1970-01-01T00:00:00Z');
		const filtered = await get('/v3.0/workbench/alerts?startDateTime=1970-01-01T00:00:00Z', { 'TMV1-Filter': filter });
		expect(filtered.status).toBe(200);
		const wanted = (all.body.items as Array<Record<string, unknown>>).filter(expected).map((a) => a.id);
		expect((filtered.body.items as Array<Record<string, unknown>>).map((a) => a.id)).toEqual(wanted);
	});

	it('refuses a malformed filter and a bad date with 400 BadRequest', async () => {
		expect((await get('/v3.0/workbench/alerts', { 'TMV1-Filter': "severity eq 'x" })).body).toEqual({ error: expect.objectContaining({ code: 'BadRequest' }) });
		expect((await get('/v3.0/workbench/alerts?startDateTime=yesterday')).status).toBe(400);
	});

	it('pages with skipToken, keeping the window in the token', async () => {
		const first = await get('/v3.0/workbench/alerts?startDateTime=1970-01-01T00:00:00Z');
		expect(first.body).toEqual(expect.objectContaining({ totalCount: expect.any(Number), count: 10, nextLink: expect.stringContaining('skipToken=') }));
		const ids = (first.body.items as Array<{ id: string }>).map((a) => a.id);
		let link = first.body.nextLink as string | undefined;
		while (link) {
			const page = await get(link.slice(base.length));
			ids.push(...(page.body.items as Array<{ id: string }>).map((a) => a.id));
			link = page.body.nextLink as string | undefined;
		}
		expect(ids.length).toBe(Number(first.body.totalCount));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each([
		[429, 'rateLimit', 'TooManyRequests'],
		[413, 'status', 'RequestEntityTooLarge'],
		[504, 'status', 'GatewayTimeout'],
	] as const)('answers %i (%s fault) in the error envelope', async (status, kind, code) => {
		sandbox.faults.add({ vendor: 'visionone', kind, status, times: 1 });
		expect(await get('/v3.0/healthcheck/connectivity')).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
	});

	it('notes: add (201 + Location), get with ETag, patch with If-Match, delete', async () => {
		const id = sandbox.state<{ alerts: Array<{ id: string }> }>('visionone').alerts[0].id;
		const send = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
			await fetch(`${base}${path}`, { method, headers: { ...auth, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
		const added = await send('POST', `/v3.0/workbench/alerts/${id}/notes`, { content: 'first' });
		expect(added.status).toBe(201);
		expect(added.headers.get('location')).toBe(`${base}/v3.0/workbench/alerts/${id}/notes/1`);
		const note = await fetch(`${base}/v3.0/workbench/alerts/${id}/notes/1`, { headers: auth });
		const etag = note.headers.get('etag')!;
		expect((await send('PATCH', `/v3.0/workbench/alerts/${id}/notes/1`, { content: 'x' }, { 'If-Match': '"stale"' })).status).toBe(412);
		expect((await send('PATCH', `/v3.0/workbench/alerts/${id}/notes/1`, { content: 'second' }, { 'If-Match': `"${etag}"` })).status).toBe(204);
		expect((await get(`/v3.0/workbench/alerts/${id}/notes/1`)).body.content).toBe('second');
		expect((await send('POST', `/v3.0/workbench/alerts/${id}/notes/delete`, [{ id: '1' }])).status).toBe(204);
		expect((await get(`/v3.0/workbench/alerts/${id}/notes`)).body.items).toEqual([]);
	});

	it('answers a response action with 207 parts: 202 + Operation-Location, or the documented item error', async () => {
		const response = await fetch(`${base}/v3.0/response/domainAccounts/disable`, {
			method: 'POST',
			headers: { ...auth, 'Content-Type': 'application/json' },
			body: JSON.stringify([{ accountName: 'shockwave\\sam' }, { accountName: 'target_not_found' }, { accountName: 'feature_disabled' }, {}]),
		});
		expect(response.status).toBe(207);
		expect(await response.json()).toEqual([
			{ status: 202, headers: [{ name: 'Operation-Location', value: `${base}/v3.0/response/tasks/00000001` }] },
			{ status: 400, body: { error: { code: 'BadRequest', message: 'Target not found.' } } },
			{ status: 403, body: { error: { code: 'AccessDenied', message: 'Feature disabled.' } } },
			{ status: 400, body: { error: { code: 'BadRequest', message: 'Required fields not found: accountName' } } },
		]);
		expect((await get('/v3.0/response/tasks/00000001')).body).toEqual(expect.objectContaining({ id: '00000001', status: 'running', action: 'disableAccount' }));
		const list = await get(`/v3.0/response/tasks?filter=${encodeURIComponent("action eq 'disableAccount' and account eq 'shockwave\\sam'")}`);
		expect((list.body.items as unknown[]).length).toBe(1);
	});
	it('cases link Workbench alerts both ways: associatedItemIds on the case, caseId on each alert (console and API)', async () => {
		const raised = ((await sandbox.runAction('visionone', 'raiseAlerts', { id: 'WB-9002-20261130-09001' })) as { raised: string[] }).raised;
		expect(raised).toEqual(['WB-9002-20261130-09001']);
		await expect(sandbox.runAction('visionone', 'raiseAlerts', { id: 'WB-9002-20261130-09001' })).rejects.toThrow('exists');
		const opened = (await sandbox.runAction('visionone', 'openCase', { name: 'Dumping on nimda', associatedItemIds: ['WB-9002-20261130-09001'] })) as { id: string };
		const shown = await get(`/v3.0/caseManagement/cases/${opened.id}`);
		expect(shown.body).toEqual(expect.objectContaining({ type: 'Workbench', status: 'Open', externalTicketId: '', associatedItemIds: ['WB-9002-20261130-09001'] }));
		expect((await get('/v3.0/workbench/alerts/WB-9002-20261130-09001')).body.caseId).toBe(opened.id);
		await expect(sandbox.runAction('visionone', 'openCase', { name: 'x', associatedItemIds: ['WB-0-20260101-00000'] })).rejects.toThrow('No alert');
		expect(await sandbox.runAction('visionone', 'openCase', { id: 'CL-1-20261130-00004', name: 'Sample' })).toEqual({ id: 'CL-1-20261130-00004' });
		await expect(sandbox.runAction('visionone', 'openCase', { id: 'CL-1-20261130-00004', name: 'Again' })).rejects.toThrow('exists');

		const touched = (await sandbox.runAction('visionone', 'touchCase', { id: opened.id, status: 'In-progress' })) as { updatedDateTime: string };
		expect((await get(`/v3.0/caseManagement/cases/${opened.id}`)).body).toEqual(expect.objectContaining({ status: 'In-progress', updatedDateTime: touched.updatedDateTime }));

		const created = await fetch(`${base}/v3.0/caseManagement/cases`, {
			method: 'POST',
			headers: { ...auth, 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'API case', priority: 'P2', status: 'Open', externalTicketId: '', externalTicketAlias: '', associatedItemIds: ['WB-9002-20261130-09001'] }),
		});
		const apiCase = created.headers.get('location')!.split('/').pop();
		expect((await get('/v3.0/workbench/alerts/WB-9002-20261130-09001')).body.caseId).toBe(apiCase);
	});
});
