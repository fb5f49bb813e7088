/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import type { RunData, WorkflowCheck } from './check';
import { CHECKS_DIR, FIXTURES_DIR, ROOT, TEMPLATES_DIR } from './config';
import { detail, fail } from './log';
import type { LoadedType, N8n } from './n8n';
import { run } from './proc';
import { readmeCommands } from './readme';

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
	/** The id n8n stores it under: a template's own `id`; for a fixture, one fixed per file. */
	id: string;
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
	let id = json.id;
	if (kind === 'fixture') id = `wf${createHash('sha1').update(label).digest('hex').slice(0, 16)}`;
	else if (typeof id !== 'string' || !id) fail(`${label} has no "id": \`n8n import:workflow --input=${label}\` needs one`);
	return { label, kind, id, json, check, checkLabel: relative(ROOT, checkPath) };
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

/** Each template as shipped: `n8n import:workflow --input=<file>`, the file untouched, as README says. */
export async function importTemplates(n8n: N8n, templates: WorkflowFile[]): Promise<void> {
	for (const template of templates) {
		const { stdout, stderr } = await n8n.cli(['import:workflow', `--input=${join(ROOT, template.label)}`], { allowFailure: true });
		if (/Successfully imported 1 workflow/.test(stdout + stderr)) continue;
		fail(`n8n import:workflow --input=${template.label} refused the template:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n')}`);
	}
}

/** Where a runner-made copy (a fixture with its id, a template's fast-polling copy) is written for import. */
export function copyFile(n8n: N8n, id: string): string {
	return join(n8n.userFolder, 'import', `${id}.json`);
}

/** The runner's own copies (inactive, fixed ids) in one `n8n import:workflow --separate`. */
export async function importCopies(n8n: N8n, copies: Array<{ label: string; json: WorkflowJson & { id: string } }>): Promise<void> {
	if (copies.length === 0) return;
	mkdirSync(join(n8n.userFolder, 'import'), { recursive: true });
	for (const copy of copies) writeFileSync(copyFile(n8n, copy.json.id), JSON.stringify({ ...copy.json, active: false }, null, 2));
	const { stdout, stderr } = await n8n.cli(['import:workflow', '--separate', `--input=${join(n8n.userFolder, 'import')}`], { allowFailure: true });
	if (new RegExp(`Successfully imported ${copies.length} workflow`).test(stdout + stderr)) return;
	const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
	const named = copies.filter((copy) => output.includes(copy.json.name)).map((copy) => copy.label);
	fail(`n8n import:workflow refused ${named.length ? named.join(', ') : 'the workflows'}:\n${output}`);
}

/** README's subsection whose one command runs a template headless. */
const HEADLESS_HEADING = '### Run a template headless';

/** README's headless command without its template argument: `node scripts/run-headless.js`. */
function headlessCommand(): [string, string] {
	const lines = readmeCommands(HEADLESS_HEADING)
		.split('\n')
		.map((line) => line.replace(/(^|\s+)#.*$/, '').trim())
		.filter(Boolean);
	const match = lines.length === 1 ? /^(node) (scripts\/run-headless\.js) workflows\/\S+\.json$/.exec(lines[0]) : null;
	if (!match) {
		fail(`README's "${HEADLESS_HEADING}" should be the one command this run executes for each template, \`node scripts/run-headless.js workflows/<template>.json\`; it is:\n${lines.join('\n')}`);
	}
	return [match[1], match[2]];
}

/**
 * README's headless route for one workflow file, with this run's n8n as `n8n` on PATH: run-headless.js imports a
 * copy whose Manual Trigger comes first and runs `n8n execute --rawOutput` on it (execution mode "cli").
 */
export async function runHeadless(n8n: N8n, workflow: WorkflowFile, input: string): Promise<RunData> {
	const [node, script] = headlessCommand();
	const { code, stdout, stderr } = await run(node, [script, input], { cwd: ROOT, env: await n8n.shellEnv(), allowFailure: true });
	const result = parseRun(stdout);
	if (code !== 0 && result && !result.resultData.error) {
		// Seen on a loaded machine: n8n printed a finished, successful execution and then exited non-zero while shutting
		// down. The execution is what the route promises; its effects are checked next.
		detail(`n8n exited with code ${code} after printing a successful execution`);
		return result;
	}
	if (code !== 0 || !result || result.resultData.error) {
		const failedNodes = Object.entries(result?.resultData.runData ?? {})
			.filter(([, runs]) => runs.some((r) => r.error))
			.map(([name, runs]) => `node "${name}": ${runs.find((r) => r.error)?.error?.message ?? ''}`);
		const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
		const reason = failedNodes.length ? failedNodes.join('; ') : (result?.resultData.error?.message ?? `exit code ${code}:\n${output}`);
		fail(`${workflow.label}: \`${node} ${script} ${input}\` failed: ${reason}`);
	}
	return result;
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
