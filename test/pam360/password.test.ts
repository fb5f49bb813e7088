import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { OTHER_AUTHTOKEN } from '../../sandbox/vendors/pam360/state';
import { startTlsFront } from '../../sandbox/vendors/pam360/tls';
import type { TlsFront } from '../../sandbox/vendors/pam360/tls';
import type { Engine } from '../harness';
import type { TokenType } from './helpers';
import { locator, pam360Credential, pam360Engine, pam360Workflow, pamState, seeded } from './helpers';

const inputData = (value: unknown) => JSON.parse(String(value)) as { operation: { Details: IDataObject } };

describe.each<TokenType>(['apiUser', 'appToken'])('PAM360 passwords (%s)', (tokenType) => {
	let sandbox: Sandbox;
	let tls: TlsFront;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		tls = await startTlsFront(sandbox.url);
		engine = pam360Engine(sandbox, pam360Credential(sandbox, tokenType));
	});
	afterAll(async () => {
		await tls.close();
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	const run = async (parameters: IDataObject, items?: IDataObject[], on: Engine = engine) =>
		await on.run(pam360Workflow(parameters, { onError: 'continueRegularOutput' }), items ? { items: items.map((json) => ({ json })) } : {});
	const get = (resource: string, account: string, extra: IDataObject = {}) => ({
		resource: 'password',
		operation: 'get',
		pamResource: locator('name', resource),
		pamAccount: locator('name', account),
		...extra,
	});
	const passwordCalls = () => sandbox.requests.filter((r) => r.path.endsWith('/password'));

	it('Get puts the password only in the chosen field, with reason and ticket ID audited', async () => {
		const { resource, account } = seeded(sandbox, 'CORE-DB-01', 'root');
		const result = await run(get('CORE-DB-01', 'root', { reason: 'INC0010001 containment', ticketId: 'INC0010001', outputField: 'secret' }));
		expect(result.json('PAM360')).toEqual([{ resourceId: resource.id, accountId: account.id, accountName: 'root', secret: 'R00t$Core-Db1' }]);
		expect(inputData(passwordCalls()[0].query.INPUT_DATA[0]).operation.Details).toEqual({ REASON: 'INC0010001 containment', TICKETID: 'INC0010001' });
		const actor = tokenType === 'apiUser' ? 'admin' : 'admin (RPA: n8n SOC automation)';
		expect(pamState(sandbox).audit).toEqual([
			expect.objectContaining({ actor, operation: 'Password Retrieved', resource: 'CORE-DB-01', account: 'root', reason: 'INC0010001 containment', ticketId: 'INC0010001' }),
		]);
	});

	it('an account that requires a reason or a ticket ID gets a clear error before the password is asked for', async () => {
		const noReason = await run(get('SOUTH-FIN-WINSERQA-09', 'svc-backup'));
		expect(noReason.json('PAM360')).toEqual([
			{ error: 'Account svc-backup requires a reason to fetch its password', details: expect.stringContaining('Fill in Reason') },
		]);
		const noTicket = await run(get('CORE-DB-01', 'root', { reason: 'triage' }));
		expect(noTicket.json('PAM360')[0].error).toBe('Account root requires a ticket ID to fetch its password');
		expect(passwordCalls()).toEqual([]);
		// The setting read from the account list follows PAM360: once turned off, no reason is needed.
		await sandbox.runAction('pam360', 'accountRequirements', { resourceId: '1', accountId: '2', reasonRequired: false });
		expect((await run(get('SOUTH-FIN-WINSERQA-09', 'svc-backup'))).json('PAM360')[0].password).toBe('Bkp#Svc-77x');
	});

	it('PAM360 itself refuses a password call without the reason the account requires', async () => {
		// The node's own check aside, the sandbox enforces the account's setting as PAM360 does.
		const { resource, account } = seeded(sandbox, 'SOUTH-FIN-WINSERQA-09', 'administrator');
		account.reasonRequired = true;
		const response = await fetch(`${sandbox.vendorUrl('pam360')}/restapi/json/v1/resources/${resource.id}/accounts/${account.id}/password`, {
			headers: { AUTHTOKEN: String(sandbox.credentials('pam360').authToken) },
		});
		expect(await response.json()).toEqual({
			operation: { name: 'GET PASSWORD', result: { status: 'Failed', message: 'Reason is mandatory to retrieve the password of account administrator' } },
		});
	});

	it('per item with Continue On Fail: errors and passwords stay paired with their own item', async () => {
		const result = await run(get('SOUTH-FIN-WINSERQA-09', '={{ $json.account }}'), [{ account: 'svc-backup' }, { account: 'administrator' }, { account: null }]);
		const output = result.output('PAM360');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toEqual({ error: 'Account svc-backup requires a reason to fetch its password', details: expect.any(String) });
		expect(output[1].json).toEqual({ resourceId: '1', accountId: '1', accountName: 'administrator', password: 'Fin!Adm1n-2024' });
		expect(output[2].json.error).toBe('Account is null, not text');
		expect(JSON.stringify([output[0].json, output[2].json])).not.toContain('Fin!Adm1n-2024');
	});

	it('Change with a given password, Local and Remote, never echoes it', async () => {
		const { account } = seeded(sandbox, 'WEB-PROD-01', 'deploy');
		const local = await run({
			resource: 'password',
			operation: 'change',
			pamResource: locator('name', 'WEB-PROD-01'),
			pamAccount: locator('name', 'deploy'),
			passwordSource: 'given',
			newPassword: 'N3w!Local-Pass',
			resetType: 'LOCAL',
			reason: 'changed on the host by the admin',
		});
		expect(local.json('PAM360')).toEqual([
			{ resourceId: '5', accountId: account.id, accountName: 'deploy', resetType: 'LOCAL', passwordSource: 'given', message: 'Password changed successfully' },
		]);
		expect(account).toEqual(expect.objectContaining({ password: 'N3w!Local-Pass', targetPassword: 'Dpl0y!Web-01' }));
		const remote = await run({
			resource: 'password',
			operation: 'change',
			pamResource: locator('id', '5'),
			pamAccount: locator('id', account.id),
			passwordSource: 'given',
			newPassword: 'N3w!Remote-Pass',
			resetType: 'REMOTE',
		});
		expect(remote.json('PAM360')[0].resetType).toBe('REMOTE');
		expect(account).toEqual(expect.objectContaining({ password: 'N3w!Remote-Pass', targetPassword: 'N3w!Remote-Pass' }));
		const put = passwordCalls().filter((r) => r.method === 'PUT');
		expect(put.map((r) => inputData((r.body as IDataObject).INPUT_DATA).operation.Details)).toEqual([
			{ NEWPASSWORD: 'N3w!Local-Pass', RESETTYPE: 'LOCAL', REASON: 'changed on the host by the admin' },
			{ NEWPASSWORD: 'N3w!Remote-Pass', RESETTYPE: 'REMOTE' },
		]);
		expect(JSON.stringify([local.json('PAM360'), remote.json('PAM360')])).not.toMatch(/N3w!/);
		expect(pamState(sandbox).audit.map((a) => a.resetType)).toEqual(['LOCAL', 'REMOTE']);
	});

	it('Change refuses a mapped password that is not text, without showing it, before anything changes', async () => {
		const params = { resource: 'password', operation: 'change', pamResource: locator('id', '5'), pamAccount: locator('id', '6'), passwordSource: 'given', newPassword: '={{ $json.pw }}', resetType: 'LOCAL' };
		const result = await run(params, [{ pw: 987654321 }, { pw: '' }]);
		expect(result.json('PAM360').map((row) => row.error)).toEqual(['Password is a number, not text', 'Password is empty']);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('987654321');
		expect(passwordCalls()).toEqual([]);
	});

	it('Change with a password generated by PAM360, enforcing reason and ticket ID', async () => {
		const { account } = seeded(sandbox, 'CORE-DB-01', 'root');
		const params = { resource: 'password', operation: 'change', pamResource: locator('name', 'CORE-DB-01'), pamAccount: locator('name', 'root'), passwordSource: 'generated', resetType: 'REMOTE' };
		const refused = await run({ ...params, reason: 'compromise' });
		expect(refused.json('PAM360')[0].error).toBe('Account root requires a ticket ID to change its password');
		expect(account.password).toBe('R00t$Core-Db1');
		const rotated = await run({ ...params, reason: 'compromise', ticketId: 'INC0010002' });
		expect(rotated.json('PAM360')[0]).toEqual(expect.objectContaining({ passwordSource: 'generated', message: 'Password changed successfully' }));
		expect(account.password).not.toBe('R00t$Core-Db1');
		expect(account.targetPassword).toBe(account.password);
		expect(JSON.stringify(rotated.json('PAM360'))).not.toContain(account.password);
		expect(sandbox.requests.some((r) => r.path === '/restapi/json/v1/passwords/generate')).toBe(true);
	});

	it('over HTTPS with Ignore SSL Issues every password operation works; without it the call is refused', async () => {
		const url = `${tls.url}/pam360`;
		const insecure = pam360Engine(sandbox, pam360Credential(sandbox, tokenType, { url, allowUnauthorizedCerts: true }));
		const fetched = await run(get('DC-01', 'Administrator'), undefined, insecure);
		expect(fetched.json('PAM360')[0].password).toBe('Dc01#Dom-Adm');
		const changed = await run({ resource: 'password', operation: 'change', pamResource: locator('id', '7'), pamAccount: locator('name', 'administrator'), resetType: 'LOCAL' }, undefined, insecure);
		expect(changed.json('PAM360')[0].message).toBe('Password changed successfully');
		const strict = pam360Engine(sandbox, pam360Credential(sandbox, tokenType, { url }));
		sandbox.requests.length = 0;
		const refused = await run(get('DC-01', 'Administrator'), undefined, strict);
		expect(refused.json('PAM360')[0].error).toMatch(/certificate|PAM360 request failed/i);
		expect(sandbox.requests).toEqual([]);
	});

	it('a resource not shared with the user cannot be reached', async () => {
		const hidden = await run({ resource: 'password', operation: 'get', pamResource: locator('id', '4'), pamAccount: locator('id', '7') });
		expect(hidden.json('PAM360')[0].error).toBe('PAM360: Resource with ID 4 does not exist or is not shared with you');
		const owner = pam360Engine(sandbox, pam360Credential(sandbox, 'apiUser', { authToken: OTHER_AUTHTOKEN }));
		expect((await run({ resource: 'password', operation: 'get', pamResource: locator('id', '4'), pamAccount: locator('name', 'payroll') }, undefined, owner)).json('PAM360')[0].password).toBe('Pay$Roll-Hr42');
	});
});
