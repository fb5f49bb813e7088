/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialRecord } from '../test-n8n/credentials';
import { planCredentials } from '../test-n8n/credentials';
import { detail, fail, step } from '../test-n8n/log';
import type { LoadedType, N8n } from '../test-n8n/n8n';
import { declaredTypes, installAsReadmeSays, packageJson } from '../test-n8n/package';
import type { SandboxClient } from '../test-n8n/sandbox';
import type { WorkflowFile, WorkflowJson } from '../test-n8n/workflows';
import { discoverWorkflows, importCopies, importTemplates } from '../test-n8n/workflows';

/** A node type n8n serves its editor, with what the panel walk needs. */
export interface EditorNodeType extends LoadedType {
	version: number | number[];
	properties: NodeProperty[];
	credentials?: Array<{ name: string; testedBy?: unknown; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

export interface NodeProperty {
	name: string;
	displayName: string;
	type: string;
	default?: unknown;
	options?: Array<{ name: string; value: unknown }>;
	displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
	modes?: Array<{ name: string; typeOptions?: { searchListMethod?: string } }>;
	typeOptions?: Record<string, unknown>;
}

/** One node of ours alone on a canvas, with the sandbox credentials it accepts: the workflow the panel walk opens. */
export interface NodeWorkflow {
	type: EditorNodeType;
	id: string;
	nodeName: string;
}

export interface EditorSetup {
	templates: WorkflowFile[];
	credentials: CredentialRecord[];
	nodeWorkflows: NodeWorkflow[];
	nodeTypes: EditorNodeType[];
	credentialTypes: LoadedType[];
}

function latest(version: number | number[]): number {
	return Array.isArray(version) ? Math.max(...version) : version;
}

/**
 * test:n8n's preparation, reused: README's install route, n8n's generated types, sandbox credentials imported with
 * `n8n import:credentials`, the templates as shipped, and one workflow per node type of ours (Tool variants included).
 */
export async function prepareInstance(n8n: N8n, client: SandboxClient): Promise<EditorSetup> {
	await step(`README's install route: build, npm pack, npm install into .n8n/nodes`, async () => await installAsReadmeSays(n8n.userFolder));
	const pkg = packageJson.name;
	const declared = declaredTypes();
	const { templates } = await discoverWorkflows();

	const loaded = await step('n8n loads the package (types for the editor)', async () => {
		await n8n.start();
		const types = n8n.loadedTypes();
		await n8n.stop();
		return types;
	});
	const nodeTypes = (loaded.nodes as EditorNodeType[]).filter((type) => type.name.startsWith(`${pkg}.`));
	const missing = declared.nodes.filter((node) => !nodeTypes.some((type) => type.name === node.type));
	if (missing.length) fail(`n8n did not load ${missing.map((node) => node.type).join(', ')} (run npm run test:n8n for the load check)`);

	const credentials = await step('import sandbox credentials (n8n import:credentials)', async () => {
		const { records } = planCredentials(
			declared.credentials.map((c) => c.name),
			loaded.credentials,
			await client.credentials(),
			templates,
		);
		const file = join(n8n.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(records, null, 2));
		const { stdout, stderr } = await n8n.cli(['import:credentials', `--input=${file}`]);
		if (!/Successfully imported/.test(stdout + stderr)) fail(`n8n import:credentials did not confirm:\n${stdout}\n${stderr}`);
		return records;
	});

	const nodeWorkflows = nodeTypes.map((type) => {
		const id = `ed${createHash('sha1').update(type.name).digest('hex').slice(0, 14)}`;
		return { type, id, nodeName: type.displayName ?? type.name };
	});
	await step(`import ${templates.length} template(s) and ${nodeWorkflows.length} one-node workflows`, async () => {
		await importTemplates(n8n, templates);
		const copies = nodeWorkflows.map(({ type, id, nodeName }) => ({ label: type.name, json: oneNodeWorkflow(type, id, nodeName, credentials) }));
		await importCopies(n8n, copies);
		detail(nodeWorkflows.map((w) => w.type.name.replace(`${pkg}.`, '')).join(', '));
	});
	return { templates, credentials, nodeWorkflows, nodeTypes, credentialTypes: loaded.credentials };
}

function oneNodeWorkflow(type: EditorNodeType, id: string, nodeName: string, credentials: CredentialRecord[]): WorkflowJson & { id: string } {
	const nodeCredentials: Record<string, { id: string; name: string }> = {};
	for (const { name } of type.credentials ?? []) {
		const record = credentials.find((r) => r.id === `sbx-${name}`);
		if (record) nodeCredentials[name] = { id: record.id, name: record.name };
	}
	return {
		id,
		name: `Editor: ${nodeName}`,
		nodes: [
			{
				id: createHash('sha1').update(`${id}-node`).digest('hex').slice(0, 8) + '-0000-4000-8000-000000000000',
				name: nodeName,
				type: type.name,
				typeVersion: latest(type.version),
				position: [0, 0],
				parameters: {},
				credentials: nodeCredentials,
			} as WorkflowJson['nodes'][number],
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}
