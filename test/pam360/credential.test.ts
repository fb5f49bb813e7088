import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { startTlsFront } from '../../sandbox/vendors/pam360/tls';
import type { TlsFront } from '../../sandbox/vendors/pam360/tls';
import { testCredential } from '../harness';
import { pam360Credential, pam360Engine, pam360Workflow, locator } from './helpers';

describe('PAM360 credential: both token types and the RPA App Token life cycle', () => {
	let sandbox: Sandbox;
	let tls: TlsFront;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		tls = await startTlsFront(sandbox.url);
	});
	afterAll(async () => {
		await tls.close();
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	const action = async (name: string, body: Record<string, unknown>) =>
		(await sandbox.runAction('pam360', name, body)) as { id: string; token: string; status: string };
	const appToken = (token: string) => pam360Credential(sandbox, 'appToken', { appToken: token });
	/** A Password Get the way a workflow would make it, to see the node's error for a refused token. */
	const fetchWith = async (token: string) =>
		await pam360Engine(sandbox, appToken(token)).run(
			pam360Workflow({ resource: 'password', operation: 'get', pamResource: locator('id', '1'), pamAccount: locator('id', '1') }),
		);

	it('tests the API user token, with and without an organization, and fails a wrong one', async () => {
		expect(await testCredential('secOpsPam360Api', pam360Credential(sandbox, 'apiUser'))).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect((await testCredential('secOpsPam360Api', pam360Credential(sandbox, 'apiUser', { orgName: '' }))).status).toBe('OK');
		const wrong = await testCredential('secOpsPam360Api', pam360Credential(sandbox, 'apiUser', { authToken: 'nope-0000' }));
		expect(wrong).toEqual({ status: 'Error', message: expect.stringContaining('PAM360 did not accept the token') });
		const otherOrg = await testCredential('secOpsPam360Api', pam360Credential(sandbox, 'apiUser', { orgName: 'Other MSP Client' }));
		expect(otherOrg.status).toBe('Error');
		const sent = sandbox.requests.filter((r) => r.path === '/restapi/json/v1/resources/resourcetypes');
		// The test button sends nothing but the connection check (a 401 is tried once more, as n8n does for a refresh).
		expect(sent.length).toBeGreaterThanOrEqual(4);
		expect(sandbox.requests.every((r) => r.path === '/restapi/json/v1/resources/resourcetypes')).toBe(true);
	});

	it('sends APP_AUTHTOKEN with APP_TYPE 17 for the RPA App Token', async () => {
		expect((await testCredential('secOpsPam360Api', pam360Credential(sandbox, 'appToken'))).status).toBe('OK');
		const audit = await pam360Engine(sandbox, pam360Credential(sandbox, 'appToken')).run(
			pam360Workflow({ resource: 'password', operation: 'get', pamResource: locator('id', '1'), pamAccount: locator('id', '1') }),
		);
		expect(audit.error('PAM360')).toBeUndefined();
		expect(sandbox.snapshot('pam360')).toEqual(expect.objectContaining({ audit: [expect.objectContaining({ actor: 'admin (RPA: n8n SOC automation)' })] }));
	});

	it('walks an RPA entry through pending, approved, edited, rejected, deleted and expired', async () => {
		const entry = await action('createRpaEntry', { name: 'n8n playbooks' });
		expect(entry.status).toBe('pending');
		const pending = await testCredential('secOpsPam360Api', appToken(entry.token));
		expect(pending).toEqual({ status: 'Error', message: expect.stringContaining('pending approval or was rejected') });
		const pendingRun = await fetchWith(entry.token);
		expect(pendingRun.error('PAM360')?.message).toBe(
			'PAM360: The RPA entry "n8n playbooks" is pending approval. Ask a PAM360 administrator to approve it under Admin » Integrations » Robotic Process Automation, then run again.',
		);
		expect(pendingRun.error('PAM360')?.httpCode).toBe('403');

		await action('approveRpaEntry', { id: entry.id, by: 'secadmin' });
		expect((await testCredential('secOpsPam360Api', appToken(entry.token))).status).toBe('OK');
		expect((await fetchWith(entry.token)).error('PAM360')).toBeUndefined();

		await action('editRpaEntry', { id: entry.id, name: 'n8n playbooks v2' });
		expect((await fetchWith(entry.token)).error('PAM360')?.message).toContain('"n8n playbooks v2" is pending approval');

		await action('rejectRpaEntry', { id: entry.id, by: 'secadmin' });
		const rejected = await fetchWith(entry.token);
		expect(rejected.error('PAM360')?.message).toBe(
			'PAM360: The RPA entry "n8n playbooks v2" was rejected by secadmin. Ask a PAM360 administrator to review the entry, or create a new one under Admin » Integrations » Robotic Process Automation.',
		);

		await action('approveRpaEntry', { id: entry.id });
		await action('expireRpaEntry', { id: entry.id });
		const expired = await fetchWith(entry.token);
		expect(expired.error('PAM360')?.message).toMatch(/^PAM360: The App Token of RPA entry "n8n playbooks v2" expired on .+ Regenerate it/);
		expect(expired.error('PAM360')?.httpCode).toBe('401');

		await action('deleteRpaEntry', { id: entry.id });
		const deleted = await fetchWith(entry.token);
		expect(deleted.error('PAM360')?.message).toContain('was deleted, so its App Token no longer works');
		expect((await testCredential('secOpsPam360Api', appToken(entry.token))).message).toContain('PAM360 did not accept the token');
		// A refused token never reached the password.
		expect(sandbox.snapshot('pam360')).toEqual(expect.objectContaining({ audit: [expect.objectContaining({ actor: 'admin (RPA: n8n playbooks)' })] }));
	});

	it('an entry with automatic approval works at once and stays approved when edited', async () => {
		const entry = await action('createRpaEntry', { name: 'auto', autoApprove: true });
		expect(entry.status).toBe('approved');
		expect((await testCredential('secOpsPam360Api', appToken(entry.token))).status).toBe('OK');
		await action('editRpaEntry', { id: entry.id, name: 'auto v2' });
		expect((await fetchWith(entry.token)).error('PAM360')).toBeUndefined();
	});

	it.each(['apiUser', 'appToken'] as const)('over HTTPS with a self-signed certificate (%s): works with Ignore SSL Issues, refused without', async (tokenType) => {
		const url = `${tls.url}/pam360`;
		const insecure = pam360Credential(sandbox, tokenType, { url, allowUnauthorizedCerts: true });
		expect(await testCredential('secOpsPam360Api', insecure)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const strict = await testCredential('secOpsPam360Api', pam360Credential(sandbox, tokenType, { url }));
		expect(strict.status).toBe('Error');
		expect(strict.message).toMatch(/self[-_ ]signed|certificate/i);
	});
});
