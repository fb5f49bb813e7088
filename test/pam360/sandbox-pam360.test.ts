import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { parseInputData } from '../../sandbox/vendors/pam360/inputData';
import { SAMPLE_APP_TOKEN, SAMPLE_AUTHTOKEN } from '../../sandbox/vendors/pam360/state';

/** The sandbox as XSOAR, curl and the Ansible lookup call it: INPUT_DATA in any of the shapes PAM360 accepts. */
describe('PAM360 sandbox: INPUT_DATA, envelopes and token transports', () => {
	let sandbox: Sandbox;
	let base: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		base = `${sandbox.vendorUrl('pam360')}/restapi/json/v1`;
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const api = async (path: string, init: RequestInit = {}, headers: Record<string, string> = { AUTHTOKEN: SAMPLE_AUTHTOKEN }) => {
		const response = await fetch(`${base}${path}`, { ...init, headers: { ...headers, ...((init.headers as Record<string, string>) ?? {}) } });
		return { status: response.status, body: (await response.json()) as { operation: { result: { status: string; message: string }; Details?: unknown; totalRows?: number } } };
	};
	const form = (inputData: string) => `INPUT_DATA=${encodeURIComponent(inputData)}`;

	it('parses JSON and Python dict repr, and refuses text that is neither', () => {
		expect(parseInputData(`{'operation': {'Details': {'REASON': 'it\\'s "urgent"', 'N': 3, 'OK': True, 'X': None}}}`)).toEqual({
			operation: { Details: { REASON: `it's "urgent"`, N: 3, OK: true, X: null } },
		});
		expect(parseInputData('{"operation":{"Details":{"LIST":[{"A":"\\u00e9"}]}}}')).toEqual({ operation: { Details: { LIST: [{ A: 'é' }] } } });
		expect(() => parseInputData('{operation: 1}')).toThrow('expected a quoted key');
		expect(() => parseInputData('{"a": "b"} trailing')).toThrow('unexpected text');
		expect(() => parseInputData("{'a': 'unterminated}")).toThrow('unterminated string');
	});

	it.each([
		['application/x-www-form-urlencoded', 'json'],
		['text/json', 'json'],
		['text/json', 'python'],
		['application/x-www-form-urlencoded', 'python'],
	])('takes a password change sent as %s with %s INPUT_DATA', async (contentType, style) => {
		const details = { NEWPASSWORD: 'Xs0ar!Style-Pass', RESETTYPE: 'local', REASON: 'Password Expired', TICKETID: '1' };
		const text = style === 'json' ? JSON.stringify({ operation: { Details: details } }) : `{'operation': {'Details': ${JSON.stringify(details).replace(/"/g, "'")}}}`;
		const answer = await api('/resources/1/accounts/1/password', { method: 'PUT', body: form(text), headers: { 'Content-Type': contentType } });
		expect(answer).toEqual({ status: 200, body: { operation: { name: 'CHANGE PASSWORD', result: { status: 'Success', message: 'Password changed successfully' } } } });
		const fetched = await api(`/resources/1/accounts/1/password?${form(`{'operation': {'Details': {'REASON': 'check'}}}`)}`);
		expect(fetched.body.operation.Details).toEqual({ PASSWORD: 'Xs0ar!Style-Pass' });
	});

	it('answers a Failed envelope for INPUT_DATA that does not parse, with HTTP 200', async () => {
		const answer = await api('/resources', { method: 'POST', body: form('{RESOURCENAME: x}'), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect(answer.status).toBe(200);
		expect(answer.body.operation.result).toEqual({ status: 'Failed', message: expect.stringContaining('INPUT_DATA is not valid') });
	});

	it('lists with string values, keys with spaces, totalRows, STARTINDEX and LIMIT', async () => {
		const page = await api(`/resources?${form('{"operation":{"Details":{"STARTINDEX":"1","LIMIT":"2"}}}')}`);
		expect(page.body.operation.totalRows).toBe(6);
		expect(page.body.operation.Details).toEqual([
			{ 'RESOURCE ID': '2', 'RESOURCE NAME': 'CORE-DB-01', 'RESOURCE TYPE': 'Linux', 'RESOURCE DESCRIPTION': 'Linux resource CORE-DB-01', NOOFACCOUNTS: '2' },
			expect.objectContaining({ 'RESOURCE NAME': 'FW-EDGE-01' }),
		]);
	});

	it('takes the App Token in headers (APP_TYPE 17) or in the query with APP_NAME, and refuses other APP_TYPEs', async () => {
		expect((await api('/resources/resourcetypes', {}, { APP_AUTHTOKEN: SAMPLE_APP_TOKEN, APP_TYPE: '17' })).status).toBe(200);
		expect((await api(`/resources/resourcetypes?APP_AUTHTOKEN=${SAMPLE_APP_TOKEN}&APP_NAME=Ansible`, {}, {})).status).toBe(200);
		expect((await api(`/resources/resourcetypes?APP_AUTHTOKEN=${SAMPLE_APP_TOKEN}`, {}, {})).body.operation.result.message).toBe('APP_NAME is required with an APP_AUTHTOKEN query parameter.');
		const wrongType = await api('/resources/resourcetypes', {}, { APP_AUTHTOKEN: SAMPLE_APP_TOKEN, APP_TYPE: '3' });
		expect(wrongType).toEqual({ status: 401, body: { operation: { name: 'AUTHENTICATION', result: { status: 'Failed', message: expect.stringContaining('APP_TYPE "3"') } } } });
		expect((await api('/resources/resourcetypes', {}, {})).status).toBe(401);
	});
});
