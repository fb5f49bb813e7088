import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { searchAccounts, searchResources } from '../../nodes/Pam360/methods/listSearch';
import type { Engine } from '../harness';
import { locator, pam360Credential, pam360Engine, pam360Workflow } from './helpers';

/** The Resource and Account pickers, run in n8n-core's LoadOptionsContext against the sandbox, in both token modes. */
describe.each(['apiUser', 'appToken'] as const)('PAM360 "From List" pickers (%s)', (tokenType) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = pam360Engine(sandbox, pam360Credential(sandbox, tokenType));
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const context = (parameters: IDataObject, path: string) => {
		const workflow = engine.workflow(pam360Workflow({ resource: 'password', operation: 'get', ...parameters }));
		const node = workflow.getNode('PAM360')!;
		// The editor sends the node's current parameters with every list request.
		const additionalData = { ...engine.additionalData(), currentNodeParameters: node.parameters };
		return new LoadOptionsContext(workflow, node, additionalData, path);
	};

	it('lists visible resources and searches them by name', async () => {
		const all = await searchResources.call(context({}, 'parameters.pamResource'));
		expect(all.results.map((r) => r.name)).toEqual([
			'SOUTH-FIN-WINSERQA-09 (Windows)',
			'CORE-DB-01 (Linux)',
			'FW-EDGE-01 (Fortigate Firewall)',
			'WEB-PROD-01 (Linux)',
			'WEB-PROD-02 (Linux)',
			'DC-01 (Windows)',
		]);
		expect(all.paginationToken).toBeUndefined();
		const web = await searchResources.call(context({}, 'parameters.pamResource'), 'web-prod');
		expect(web.results).toEqual([{ name: 'WEB-PROD-01 (Linux)', value: '5' }, { name: 'WEB-PROD-02 (Linux)', value: '6' }]);
	});

	it("lists the chosen resource's accounts, whether the resource is given by ID or by name", async () => {
		const byId = await searchAccounts.call(context({ pamResource: locator('list', '1') }, 'parameters.pamAccount'));
		expect(byId.results).toEqual([{ name: 'administrator', value: '1' }, { name: 'svc-backup', value: '2' }]);
		const byName = await searchAccounts.call(context({ pamResource: locator('name', 'CORE-DB-01') }, 'parameters.pamAccount'), 'ora');
		expect(byName.results).toEqual([{ name: 'oracle', value: '4' }]);
	});
});
