/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import type { RunData, WorkflowCheck } from './check';
import { CHECKS_DIR, FIXTURES_DIR, ROOT, TEMPLATES_DIR } from './config';
import { fail } from './log';
import type { LoadedType, N8n } from './n8n';

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name: string }>;
	disabled?: boolean;
	/** Webhook nodes: the first part of their production URL path. */
	webhookId?: string;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface WorkflowFile {
	/** `workflows/x.json` or `scripts/test-n8n/fixtures/y.json` */
	label: string;
	kind: 'template' | 'fixture';
	/** The id it is imported under: fixed per file, ≤ 21 characters as `n8n execute --id` requires. */
	id: string;
	/** A second copy for `n8n execute`, with every trigger but the Manual Trigger disabled (see headlessCopy). */
	headlessId: string;
	json: WorkflowJson;
	check?: WorkflowCheck;
	checkLabel: string;
}

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

function listJson(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => join(dir, name));
}

async function load(path: string, kind: WorkflowFile['kind']): Promise<WorkflowFile> {
	const label = relative(ROOT, path);
	let json: WorkflowJson;
	try {
		json = JSON.parse(readFileSync(path, 'utf8')) as WorkflowJson;
	} catch (error) {
		fail(`${label} is not valid JSON: ${(error as Error).message}`);
	}
	if (!Array.isArray(json.nodes) || typeof json.connections !== 'object') fail(`${label} is not an n8n workflow (no nodes/connections)`);
	const name = basename(path, '.json');
	const checkPath = join(CHECKS_DIR, `${name}.ts`);
	let check: WorkflowCheck | undefined;
	if (existsSync(checkPath)) {
		const module = (await import(checkPath)) as { default?: WorkflowCheck | { default?: WorkflowCheck } };
		const exported = module.default;
		check = exported && 'default' in exported ? exported.default : (exported as WorkflowCheck | undefined);
	}
	const id = `wf${createHash('sha1').update(label).digest('hex').slice(0, 16)}`;
	return { label, kind, id, headlessId: `${id}h`, json, check, checkLabel: relative(ROOT, checkPath) };
}

/** Every template in workflows/ and every fixture of this runner, with its check module if it has one. */
export async function discoverWorkflows(): Promise<{ templates: WorkflowFile[]; fixtures: WorkflowFile[] }> {
	const templates = await Promise.all(listJson(TEMPLATES_DIR).map(async (path) => await load(path, 'template')));
	const fixtures = await Promise.all(listJson(FIXTURES_DIR).map(async (path) => await load(path, 'fixture')));
	return { templates, fixtures };
}

function versions(type: LoadedType & { version?: number | number[] }): number[] {
	return Array.isArray(type.version) ? type.version : [type.version ?? 1];
}

/** Every node type, type version and credential type a workflow references must be one n8n loaded. */
export function referenceProblems(workflows: WorkflowFile[], nodes: LoadedType[], credentials: LoadedType[], packageName: string): string[] {
	// A versioned node appears once per description it has (Set: v1–2 and v3–3.4 are separate entries).
	const nodeTypes = new Map<string, Array<LoadedType & { version?: number | number[] }>>();
	for (const type of nodes) nodeTypes.set(type.name, [...(nodeTypes.get(type.name) ?? []), type]);
	const credentialTypes = new Set(credentials.map((type) => type.name));
	const ours = [...nodeTypes.keys()].filter((name) => name.startsWith(`${packageName}.`));
	const problems: string[] = [];
	for (const { label, json } of workflows) {
		for (const node of json.nodes) {
			const where = `${label}: node "${node.name}"`;
			const entries = nodeTypes.get(node.type);
			if (!entries) {
				let hint = '';
				if (node.type.startsWith('CUSTOM.')) hint = ` (installed packages are typed ${packageName}.<name>, not CUSTOM.<name>)`;
				else if (node.type.startsWith(`${packageName}.`)) hint = ` (the package's node types in n8n: ${ours.join(', ')})`;
				problems.push(`${where} has type "${node.type}", which n8n does not know${hint}`);
				continue;
			}
			const type = entries.find((entry) => versions(entry).includes(node.typeVersion));
			if (!type) {
				problems.push(`${where} (${node.type}) has typeVersion ${node.typeVersion}; n8n knows ${entries.flatMap(versions).join(', ')}`);
				continue;
			}
			const accepted = (type.credentials ?? []).map((credential) => credential.name);
			for (const credentialType of Object.keys(node.credentials ?? {})) {
				if (!credentialTypes.has(credentialType)) {
					problems.push(`${where} (${node.type}) uses credential type "${credentialType}", which does not exist in n8n`);
				} else if (!accepted.includes(credentialType)) {
					problems.push(`${where} (${node.type}) uses credential type "${credentialType}", which that node does not accept (it accepts: ${accepted.join(', ') || 'none'})`);
				}
			}
		}
	}
	return problems;
}

/**
 * `n8n execute` starts from the workflow's first enabled trigger in node order (pinned data is ignored in mode
 * "cli"), not necessarily the Manual Trigger: the headless copy disables every other trigger so the run takes the
 * Manual Trigger branch with its sample data.
 */
export function headlessCopy(workflow: WorkflowFile, nodeTypes: LoadedType[]): WorkflowJson {
	const triggers = new Set(nodeTypes.filter((t) => t.group?.includes('trigger') || t.polling).map((t) => t.name));
	const nodes = workflow.json.nodes.map((node) =>
		node.type !== MANUAL_TRIGGER && triggers.has(node.type) ? { ...node, disabled: true } : node,
	);
	return { ...workflow.json, id: workflow.headlessId, name: `${workflow.json.name} (headless)`, nodes };
}

/** Imports workflow copies (inactive, fixed ids) in one `n8n import:workflow --separate`; originals are untouched. */
export async function importWorkflows(n8n: N8n, copies: Array<{ label: string; json: WorkflowJson }>): Promise<void> {
	const dir = join(n8n.userFolder, 'import');
	mkdirSync(dir, { recursive: true });
	for (const copy of copies) writeFileSync(join(dir, `${copy.json.id}.json`), JSON.stringify({ ...copy.json, active: false }, null, 2));
	const { stdout, stderr } = await n8n.cli(['import:workflow', '--separate', `--input=${dir}`], { allowFailure: true });
	if (new RegExp(`Successfully imported ${copies.length} workflow`).test(stdout + stderr)) return;
	const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
	const named = copies.filter((copy) => output.includes(copy.json.name)).map((copy) => copy.label);
	fail(`n8n import:workflow refused ${named.length ? named.join(', ') : 'the workflows'}:\n${output}`);
}

/** `n8n execute --id`: the workflow runs from its Manual Trigger in a fresh CLI process (execution mode "cli"). */
export async function executeWorkflow(n8n: N8n, workflow: WorkflowFile): Promise<RunData> {
	const { code, stdout, stderr } = await n8n.cli(['execute', `--id=${workflow.headlessId}`, '--rawOutput'], { allowFailure: true });
	const run = parseRun(stdout);
	if (code !== 0 || !run || run.resultData.error) {
		const failedNodes = Object.entries(run?.resultData.runData ?? {})
			.filter(([, runs]) => runs.some((r) => r.error))
			.map(([name, runs]) => `node "${name}": ${runs.find((r) => r.error)?.error?.message ?? ''}`);
		const reason = failedNodes.length ? failedNodes.join('; ') : (run?.resultData.error?.message ?? `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n'));
		fail(`${workflow.label}: n8n execute failed: ${reason}`);
	}
	return run;
}

/** The run JSON `n8n execute --rawOutput` prints after its log lines: `{ data: IRunExecutionData, … }`. */
function parseRun(stdout: string): RunData | undefined {
	const start = stdout.search(/^\{$/m);
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) return undefined;
	try {
		return (JSON.parse(stdout.slice(start, end + 2)) as { data: RunData }).data;
	} catch {
		return undefined;
	}
}
