import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { TokenType } from './helpers';
import { locator, pam360Credential, pam360Engine, pam360Workflow, pamState } from './helpers';

const NEW_PASSWORD = 'Gv3n!NewPass-Corpus';
const CREATE_PASSWORD = 'Cr3ate!Initial-Corpus';

/** Every operation, succeeding and failing (vendor refusals, missing reason, bad input, lost answers). */
const OPERATIONS: IDataObject[] = [
	{ resource: 'resource', operation: 'getMany', returnAll: true },
	{ resource: 'resource', operation: 'getIds', resourceName: 'CORE-DB-01', accountName: 'root' },
	{ resource: 'resource', operation: 'getIds', resourceName: 'CORE-DB-01', accountName: 'nobody' },
	{ resource: 'resource', operation: 'create', resourceName: 'CORPUS-01', accountName: 'svc', password: CREATE_PASSWORD },
	{ resource: 'resource', operation: 'create', resourceName: 'CORE-DB-01', accountName: 'svc', password: CREATE_PASSWORD },
	{ resource: 'resource', operation: 'update', pamResource: locator('id', '2'), updateFields: { description: 'db' } },
	{ resource: 'account', operation: 'create', pamResource: locator('id', '2'), accountName: 'root', password: CREATE_PASSWORD },
	{ resource: 'account', operation: 'create', pamResource: locator('id', '2'), accountName: 'corpus', password: CREATE_PASSWORD },
	{ resource: 'account', operation: 'update', pamResource: locator('id', '2'), pamAccount: locator('name', 'oracle'), updateFields: { notes: 'n' } },
	{ resource: 'account', operation: 'getMany', pamResource: locator('id', '2'), returnAll: true },
	{ resource: 'account', operation: 'getDetails', pamResource: locator('id', '2'), pamAccount: locator('name', 'root') },
	{ resource: 'password', operation: 'get', pamResource: locator('id', '2'), pamAccount: locator('name', 'root') },
	{ resource: 'password', operation: 'change', pamResource: locator('id', '2'), pamAccount: locator('name', 'root'), passwordSource: 'given', newPassword: NEW_PASSWORD, resetType: 'REMOTE' },
	{ resource: 'password', operation: 'change', pamResource: locator('id', '1'), pamAccount: locator('id', '1'), passwordSource: 'given', newPassword: NEW_PASSWORD, resetType: 'LOCAL' },
	{ resource: 'password', operation: 'change', pamResource: locator('id', '5'), pamAccount: locator('id', '6'), resetType: 'REMOTE' },
	{ resource: 'password', operation: 'change', pamResource: locator('id', '9'), pamAccount: locator('id', '1'), passwordSource: 'given', newPassword: NEW_PASSWORD, resetType: 'LOCAL' },
];

describe.each<TokenType>(['apiUser', 'appToken'])('PAM360 secrets corpus (%s)', (tokenType) => {
	let sandbox: Sandbox;
	let seededSecrets: string[];
	beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		const sample = sandbox.credentials('pam360');
		seededSecrets = [
			String(sample.authToken),
			String(sample.appToken),
			NEW_PASSWORD,
			CREATE_PASSWORD,
			...pamState(sandbox).resources.flatMap((r) => r.accounts.map((a) => a.password)),
		];
	});

	/** Everything a run leaves behind: run data (outputs and errors) and anything written to the console. */
	async function runCollecting(credential: IDataObject, parameters: IDataObject, onError?: string) {
		const written: string[] = [];
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' '))),
		);
		try {
			const engine = pam360Engine(sandbox, { ...pam360Credential(sandbox, tokenType), ...credential } as ICredentialDataDecryptedObject);
			const result = await engine.run(pam360Workflow(parameters, onError ? { onError } : {}));
			return { result, written };
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	}

	it.each(OPERATIONS.map((parameters) => [`${String(parameters.resource)} ${String(parameters.operation)}`, parameters]))(
		'%s leaks no password or token, stopped or continued',
		async (_label, parameters) => {
			for (const onError of [undefined, 'continueRegularOutput']) {
				const { result, written } = await runCollecting({}, parameters as IDataObject, onError);
				const rows = result.json('PAM360');
				// The one place a password may be: the chosen output field of a successful Password Get.
				const allowed = parameters.operation === 'get' && parameters.resource === 'password' ? rows.map((row) => row.password) : [];
				const scrubbed = JSON.stringify({ run: result.run.data.resultData, rows: rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'password'))) });
				const fetched = pamState(sandbox).resources.flatMap((r) => r.accounts.map((a) => a.password));
				for (const secret of [...seededSecrets, ...fetched]) {
					const withoutAllowed = allowed.reduce<string>((text, value) => text.split(String(value)).join(''), scrubbed);
					expect(withoutAllowed).not.toContain(secret);
					expect(written.join('\n')).not.toContain(secret);
				}
				sandbox.reset();
			}
		},
	);

	it('refused tokens and vendor failures do not echo the token', async () => {
		const pending = (await sandbox.runAction('pam360', 'createRpaEntry', { name: 'corpus' })) as { token: string };
		const wrong = tokenType === 'apiUser' ? { authToken: 'example-wrong-token-0001' } : { appToken: pending.token };
		const { result, written } = await runCollecting(wrong, OPERATIONS[11], 'continueRegularOutput');
		const text = JSON.stringify(result.run.data.resultData) + written.join('\n');
		expect(result.json('PAM360')[0].error).toMatch(/^PAM360: /);
		for (const secret of ['example-wrong-token-0001', pending.token, ...seededSecrets]) expect(text).not.toContain(secret);
	});
});
