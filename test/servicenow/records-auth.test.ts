import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { SAMPLE_CLIENT_ID, SAMPLE_CLIENT_SECRET, SAMPLE_PASSWORD, SAMPLE_USER } from '../../sandbox/vendors/servicenow/state';
import { incidents, serviceNowWorkflow, snState } from './helpers';

describe('ServiceNow table records, attachments and OAuth2', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const run = async (parameters: IDataObject, options: Parameters<SandboxEngine['engine']['run']>[1] = {}, authentication?: string) =>
		await env.engine.run(serviceNowWorkflow(parameters, { authentication }), options);

	it('creates, gets, finds, updates and deletes a record in any table', async () => {
		const fields = { field: [{ name: 'name', value: 'Threat Intel' }, { name: 'description', value: 'CTI team' }] };
		const created = await run({ resource: 'tableRecord', operation: 'create', table: 'sys_user_group', fields });
		const group = created.json('ServiceNow')[0];
		expect(group).toEqual(expect.objectContaining({ name: 'Threat Intel', active: '' }));
		const got = await run({ resource: 'tableRecord', operation: 'get', table: 'sys_user_group', sysId: group.sys_id, outputOptions: { fields: 'name,sys_id' } });
		expect(got.json('ServiceNow')[0]).toEqual({ name: 'Threat Intel', sys_id: group.sys_id });
		const found = await run({
			resource: 'tableRecord',
			operation: 'getMany',
			table: 'sys_user_group',
			returnAll: true,
			conditions: { condition: [{ field: 'name', operator: 'startsWith', value: 'Threat' }] },
		});
		expect(found.json('ServiceNow').map((g) => g.name)).toEqual(['Threat Intel']);
		const updated = await run({ resource: 'tableRecord', operation: 'update', table: 'sys_user_group', sysId: group.sys_id, fields: { field: [{ name: 'active', value: 'true' }] } });
		expect(updated.json('ServiceNow')[0].active).toBe('true');
		const deleted = await run({ resource: 'tableRecord', operation: 'delete', table: 'sys_user_group', sysId: group.sys_id });
		expect(deleted.json('ServiceNow')[0]).toEqual({ deleted: true, table: 'sys_user_group', sys_id: group.sys_id });
		const gone = await run({ resource: 'tableRecord', operation: 'get', table: 'sys_user_group', sysId: group.sys_id });
		expect(gone.error('ServiceNow')?.message).toBe(`ServiceNow: No Record found: no sys_user_group record with sys_id ${group.sys_id as string}`);
	});

	it("keeps ServiceNow's message for an unknown table", async () => {
		const result = await run({ resource: 'tableRecord', operation: 'getMany', table: 'u_nope', returnAll: true });
		expect(result.error('ServiceNow')?.message).toBe('ServiceNow: Invalid table u_nope');
		expect(result.error('ServiceNow')?.httpCode).toBe('400');
	});

	it('uploads binary data to an incident and lists its attachments', async () => {
		const incident = incidents(env.sandbox)[0];
		const content = 'Received: from evil.example\r\nSubject: invoice';
		const items = [
			{
				json: {},
				binary: { data: { data: Buffer.from(content).toString('base64'), mimeType: 'message/rfc822', fileName: 'phish.eml' } },
			},
		];
		const uploaded = await run({ resource: 'attachment', operation: 'upload', table: 'incident', recordId: incident.sys_id, binaryPropertyName: 'data' }, { items });
		expect(uploaded.error('ServiceNow')).toBeUndefined();
		expect(uploaded.json('ServiceNow')[0]).toEqual(
			expect.objectContaining({ file_name: 'phish.eml', content_type: 'message/rfc822', size_bytes: String(Buffer.byteLength(content)), table_sys_id: incident.sys_id }),
		);
		const attachmentId = uploaded.json('ServiceNow')[0].sys_id as string;
		expect(snState(env.sandbox).attachmentContent.get(attachmentId)?.toString('utf8')).toBe(content);
		const listed = await run({ resource: 'attachment', operation: 'getMany', table: 'incident', recordId: incident.sys_id, returnAll: true });
		expect(listed.json('ServiceNow').map((a) => a.file_name)).toEqual(['phish.eml']);
	});

	it('stores a binary upload byte for byte: size, hash and download are exact', async () => {
		const incident = incidents(env.sandbox)[0];
		// Every byte value, NULs and bytes >= 0x80 included (invalid as UTF-8: a text round trip would change them).
		const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x80, 0xc3]), Buffer.from(Array.from({ length: 512 }, (_, n) => n % 256))]);
		const items = [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'image/png', fileName: 'screenshot.png' } } }];
		const uploaded = await run({ resource: 'attachment', operation: 'upload', table: 'incident', recordId: incident.sys_id, binaryPropertyName: 'data' }, { items });
		expect(uploaded.error('ServiceNow')).toBeUndefined();
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		const attachment = uploaded.json('ServiceNow')[0];
		expect(attachment).toEqual(expect.objectContaining({ file_name: 'screenshot.png', content_type: 'image/png', size_bytes: String(bytes.length), hash: sha256 }));

		const listed = await run({ resource: 'attachment', operation: 'getMany', table: 'incident', recordId: incident.sys_id, returnAll: true });
		expect(listed.json('ServiceNow').map((a) => [a.file_name, a.size_bytes, a.hash])).toEqual([['screenshot.png', String(bytes.length), sha256]]);

		const { username, password } = env.sandbox.credentials('servicenow');
		const download = await fetch(String(attachment.download_link), {
			headers: { Authorization: `Basic ${Buffer.from(`${String(username)}:${String(password)}`).toString('base64')}` },
		});
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
	});

	describe('OAuth2 credential', () => {
		const oauth = (grantType: string) => ({
			instanceUrl: env.sandbox.vendorUrl('servicenow'),
			grantType,
			clientId: SAMPLE_CLIENT_ID,
			clientSecret: SAMPLE_CLIENT_SECRET,
			username: SAMPLE_USER,
			password: SAMPLE_PASSWORD,
			scope: '',
			accessToken: '',
			validUntil: 0,
		});
		const get = async () => await run({ resource: 'incident', operation: 'get', incident: { __rl: true, mode: 'number', value: 'INC0010001' } }, {}, 'oAuth2');
		const tokenCalls = () => env.sandbox.requests.filter((r) => r.path === '/oauth_token.do');

		it.each(['clientCredentials', 'password'])('gets a token with the %s grant, form-encoded, and reuses it', async (grant) => {
			env.engine.credentials.secOpsServiceNowOAuth2Api = oauth(grant);
			expect((await get()).json('ServiceNow')[0].number).toBe('INC0010001');
			expect((await get()).error('ServiceNow')).toBeUndefined();
			expect(tokenCalls()).toHaveLength(1);
			expect(tokenCalls()[0].body).toEqual(expect.objectContaining({ grant_type: grant === 'password' ? 'password' : 'client_credentials', client_id: SAMPLE_CLIENT_ID }));
		});

		it('refreshes on 401 (token revoked) and ahead of expires_in', async () => {
			env.engine.credentials.secOpsServiceNowOAuth2Api = oauth('clientCredentials');
			await get();
			(await env.sandbox.state<{ tokens: Map<string, unknown> }>('servicenow')).tokens.clear();
			expect((await get()).error('ServiceNow')).toBeUndefined();
			expect(tokenCalls()).toHaveLength(2);
			// A token with 30 s left is not used: the call is answered 401 at once and replayed with a new token.
			env.engine.credentials.secOpsServiceNowOAuth2Api.validUntil = Date.now() + 30_000;
			expect((await get()).error('ServiceNow')).toBeUndefined();
			expect(tokenCalls()).toHaveLength(3);
		});

		it('reports a disabled client-credentials grant with the instance\'s message', async () => {
			snState(env.sandbox).clientCredentialsEnabled = false;
			env.engine.credentials.secOpsServiceNowOAuth2Api = oauth('clientCredentials');
			const result = await get();
			expect(result.error('ServiceNow')).toBeDefined();
			expect(tokenCalls()[0].status).toBe(400);
		});
	});
});
