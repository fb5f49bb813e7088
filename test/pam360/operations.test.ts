import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { Engine } from '../harness';
import type { TokenType } from './helpers';
import { locator, pam360Credential, pam360Engine, pam360Workflow, pamState, seeded } from './helpers';

const inputData = (value: unknown) => JSON.parse(String(value)) as { operation: { Details: IDataObject } };

describe.each<TokenType>(['apiUser', 'appToken'])('PAM360 resources and accounts (%s)', (tokenType) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = pam360Engine(sandbox, pam360Credential(sandbox, tokenType));
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const run = async (parameters: IDataObject) => await engine.run(pam360Workflow(parameters));
	const requests = (path: string) => sandbox.requests.filter((r) => r.path === `/restapi/json/v1${path}`);

	it('Resource Get Many: owned and shared resources, searched by column, limited', async () => {
		const all = await run({ resource: 'resource', operation: 'getMany', returnAll: true });
		expect(all.json('PAM360').map((r) => r['RESOURCE NAME'])).toEqual(['SOUTH-FIN-WINSERQA-09', 'CORE-DB-01', 'FW-EDGE-01', 'WEB-PROD-01', 'WEB-PROD-02', 'DC-01']);
		const linux = await run({ resource: 'resource', operation: 'getMany', returnAll: true, searchColumn: 'RESOURCE_TYPE', searchValue: 'Linux' });
		expect(linux.json('PAM360').map((r) => r['RESOURCE NAME'])).toEqual(['CORE-DB-01', 'WEB-PROD-01', 'WEB-PROD-02']);
		sandbox.requests.length = 0;
		const two = await run({ resource: 'resource', operation: 'getMany', returnAll: false, limit: 2, searchColumn: 'LOGINNAME', searchValue: 'deploy' });
		expect(two.json('PAM360')).toEqual([expect.objectContaining({ 'RESOURCE NAME': 'WEB-PROD-01', NOOFACCOUNTS: '1' }), expect.objectContaining({ 'RESOURCE NAME': 'WEB-PROD-02' })]);
		expect(inputData(requests('/resources')[0].query.INPUT_DATA[0]).operation.Details).toEqual({
			SEARCHTYPE: 'ACCOUNT',
			SEARCHCOLUMN: 'LOGINNAME',
			SEARCHVALUE: 'deploy',
			STARTINDEX: 0,
			LIMIT: 2,
		});
	});

	it('Resource Get Many with Return All walks STARTINDEX / LIMIT pages up to totalRows', async () => {
		const template = pamState(sandbox).resources[4];
		for (let n = 0; n < 205; n++) pamState(sandbox).resources.push({ ...template, id: String(100 + n), name: `BULK-${n}`, accounts: [] });
		sandbox.requests.length = 0;
		const all = await run({ resource: 'resource', operation: 'getMany', returnAll: true });
		expect(all.json('PAM360')).toHaveLength(211);
		expect(new Set(all.json('PAM360').map((r) => r['RESOURCE ID'])).size).toBe(211);
		expect(requests('/resources').map((r) => inputData(r.query.INPUT_DATA[0]).operation.Details.STARTINDEX)).toEqual([0, 100, 200]);
	});

	it('Resource Get IDs: resource and account IDs from names', async () => {
		const ids = await run({ resource: 'resource', operation: 'getIds', resourceName: 'CORE-DB-01', accountName: 'oracle' });
		const { resource, account } = seeded(sandbox, 'CORE-DB-01', 'oracle');
		expect(ids.json('PAM360')).toEqual([{ resourceId: resource.id, accountId: account.id, resourceName: 'CORE-DB-01', accountName: 'oracle' }]);
		expect(requests('/resources/getResourceIdAccountId')[0].query).toEqual({ RESOURCENAME: ['CORE-DB-01'], ACCOUNTNAME: ['oracle'] });
		const hidden = await run({ resource: 'resource', operation: 'getIds', resourceName: 'HR-PAYROLL', accountName: 'payroll' });
		expect(hidden.error('PAM360')?.message).toBe('PAM360: Resource HR-PAYROLL does not exist or is not shared with you');
	});

	it('Resource Create with its first account, then Update by name', async () => {
		const created = await run({
			resource: 'resource',
			operation: 'create',
			resourceName: 'SIEM-01',
			resourceType: 'Linux',
			accountName: 'splunk',
			password: 'Spl#nk-Initial-1',
			additionalFields: { department: 'SOC', dnsName: 'siem-01.acme.example', notes: 'via n8n' },
		});
		const row = created.json('PAM360')[0];
		const resource = pamState(sandbox).resources.find((r) => r.name === 'SIEM-01')!;
		expect(row).toEqual({ resourceId: resource.id, accountId: resource.accounts[0].id, resourceName: 'SIEM-01', accountName: 'splunk', message: 'Resource SIEM-01 has been added successfully' });
		expect(resource).toEqual(expect.objectContaining({ type: 'Linux', department: 'SOC', dnsName: 'siem-01.acme.example' }));
		expect(resource.accounts[0]).toEqual(expect.objectContaining({ name: 'splunk', password: 'Spl#nk-Initial-1', notes: 'via n8n' }));
		const post = requests('/resources').find((r) => r.method === 'POST')!;
		expect(inputData((post.body as IDataObject).INPUT_DATA).operation.Details).toEqual(
			expect.objectContaining({ RESOURCENAME: 'SIEM-01', ACCOUNTNAME: 'splunk', RESOURCETYPE: 'Linux', DEPARTMENT: 'SOC' }),
		);

		const again = await run({ resource: 'resource', operation: 'create', resourceName: 'SIEM-01', accountName: 'x' });
		expect(again.error('PAM360')?.message).toBe('PAM360: Resource SIEM-01 already exists');

		const updated = await run({ resource: 'resource', operation: 'update', pamResource: locator('name', 'siem-01'), updateFields: { description: 'Splunk search head', location: 'DC East' } });
		expect(updated.json('PAM360')).toEqual([{ resourceId: resource.id, message: 'Resource SIEM-01 modified successfully' }]);
		expect(resource).toEqual(expect.objectContaining({ description: 'Splunk search head', location: 'DC East' }));
		const nothing = await run({ resource: 'resource', operation: 'update', pamResource: locator('id', resource.id), updateFields: {} });
		expect(nothing.error('PAM360')?.message).toBe('No field to update');
	});

	it('Account Create, Update, Get Many and Get Details, never with a password', async () => {
		const created = await run({ resource: 'account', operation: 'create', pamResource: locator('list', '1'), accountName: 'svc-siem', additionalFields: { notes: 'log shipper' } });
		const account = seeded(sandbox, 'SOUTH-FIN-WINSERQA-09', 'svc-siem').account;
		expect(created.json('PAM360')).toEqual([{ resourceId: '1', accountId: account.id, accountName: 'svc-siem', message: 'Account added successfully' }]);
		// No password given: PAM360 generated one by policy.
		expect(account.password.length).toBeGreaterThan(8);
		const duplicate = await run({ resource: 'account', operation: 'create', pamResource: locator('id', '1'), accountName: 'svc-siem' });
		expect(duplicate.error('PAM360')?.message).toBe('PAM360: Account already exists');

		const updated = await run({ resource: 'account', operation: 'update', pamResource: locator('id', '1'), pamAccount: locator('name', 'SVC-SIEM'), updateFields: { notes: 'rotated', ownerName: 'jdoe' } });
		expect(updated.error('PAM360')).toBeUndefined();
		expect(account).toEqual(expect.objectContaining({ notes: 'rotated', owner: 'jdoe' }));

		const many = await run({ resource: 'account', operation: 'getMany', pamResource: locator('name', 'SOUTH-FIN-WINSERQA-09'), returnAll: true });
		expect(many.json('PAM360').map((a) => a['ACCOUNT NAME'])).toEqual(['administrator', 'svc-backup', 'svc-siem']);
		expect(many.json('PAM360')[1]).toEqual(expect.objectContaining({ 'RESOURCE ID': '1', ISREASONREQUIRED: 'true', 'PASSWORD STATUS': '****' }));
		const one = await run({ resource: 'account', operation: 'getMany', pamResource: locator('id', '1'), returnAll: false, limit: 1 });
		expect(one.json('PAM360')).toHaveLength(1);

		const details = await run({ resource: 'account', operation: 'getDetails', pamResource: locator('id', '1'), pamAccount: locator('id', account.id) });
		expect(details.json('PAM360')[0]).toEqual(expect.objectContaining({ 'RESOURCE ID': '1', 'ACCOUNT ID': account.id, 'PASSWORD STATUS': '****', 'PASSWORD POLICY': 'Strong' }));

		const everything = JSON.stringify([created, updated, many, one, details].map((r) => r.json('PAM360')));
		for (const r of pamState(sandbox).resources) for (const a of r.accounts) expect(everything).not.toContain(a.password);
	});

	it('after a lost answer a create is not sent again, a read is', async () => {
		sandbox.faults.add({ vendor: 'pam360', method: 'POST', path: '^/restapi/json/v1/resources$', kind: 'timeoutAfterHandling', times: 1 });
		const lost = await run({ resource: 'resource', operation: 'create', resourceName: 'LOST-01', accountName: 'svc' });
		expect(lost.error('PAM360')?.message).toBe('PAM360 dropped the connection before answering. It may have taken effect: check before repeating it');
		expect(requests('/resources').filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(pamState(sandbox).resources.filter((r) => r.name === 'LOST-01')).toHaveLength(1);
		sandbox.faults.add({ vendor: 'pam360', method: 'GET', path: '/accounts$', kind: 'status', status: 502, times: 1 });
		const read = await run({ resource: 'account', operation: 'getMany', pamResource: locator('id', '1'), returnAll: true });
		expect(read.json('PAM360')).toHaveLength(2);
		expect(requests('/resources/1/accounts').map((r) => r.status)).toEqual([502, 200]);
	});

	it('refuses bad IDs from item data and empty names before anything is sent', async () => {
		const fromItem = async (rid: unknown) =>
			await engine.run(
				pam360Workflow({ resource: 'account', operation: 'getDetails', pamResource: locator('id', '={{ $json.rid }}'), pamAccount: locator('id', '1') }),
				{ items: [{ json: { rid } as IDataObject }] },
			);
		expect((await fromItem('../1')).error('PAM360')?.message).toBe('Resource "../1" is not a valid identifier');
		expect((await fromItem('abc')).error('PAM360')?.message).toBe('Resource "abc" is not a PAM360 ID');
		expect((await fromItem(null)).error('PAM360')?.message).toBe('Resource is null, not an ID');
		const empty = await run({ resource: 'resource', operation: 'getIds', resourceName: '  ', accountName: 'x' });
		expect(empty.error('PAM360')?.message).toBe('Resource Name is empty');
		expect(sandbox.requests).toEqual([]);
	});
});
