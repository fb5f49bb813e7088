'use strict';
/**
 * `node scripts/run-headless.js <workflow.json>`: runs a template's *Run Manually* branch in the n8n CLI on PATH.
 *
 * `n8n execute --id` (n8n 2.41) starts from the first enabled trigger in the workflow's node order and, in its
 * execution mode "cli", ignores pinned data; in the templates that first trigger is the vendor's polling trigger, so
 * executing the imported template does not run the sample alert. This imports a copy, id `<id>-h`, in which the
 * Manual Trigger comes first (nothing else changes), then executes it.
 * Plain JS without dependencies, so any Node that runs n8n runs it; it starts n8n, which the community-node lint
 * rightly bans in TypeScript sources. Dev and ops tool only: never loaded by n8n, not published.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, join } = require('node:path');

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

function stop(message) {
	process.stderr.write(`run-headless: ${message}\n`);
	process.exit(1);
}

/** The workflow with its first enabled Manual Trigger moved to the front of `nodes`, under id `<id>-h`. */
function headlessCopy(file) {
	let workflow;
	try {
		workflow = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		stop(`cannot read ${file} as JSON: ${error.message}`);
	}
	if (!Array.isArray(workflow.nodes)) stop(`${file} is not an n8n workflow (no nodes)`);
	if (typeof workflow.id !== 'string' || !workflow.id) stop(`${file} has no "id": give the workflow one so its copy gets a fixed id`);
	const manual = workflow.nodes.find((node) => node.type === MANUAL_TRIGGER && !node.disabled);
	if (!manual) stop(`${file} has no enabled Manual Trigger: n8n execute would start from its other trigger`);
	return {
		...workflow,
		id: `${workflow.id}-h`,
		name: `${workflow.name} (headless)`,
		nodes: [manual, ...workflow.nodes.filter((node) => node !== manual)],
	};
}

/** `n8n <args>` from PATH, its exit code; its stdout goes to `stdout` (a file descriptor), its stderr to ours. */
function n8n(args, stdout) {
	const result = spawnSync('n8n', args, { stdio: ['ignore', stdout, 'inherit'] });
	if (result.error) process.stderr.write(`run-headless: could not start \`n8n ${args[0]}\`: ${result.error.message} (is the n8n CLI on PATH?)\n`);
	return result.error ? 127 : (result.status ?? 1);
}

const files = process.argv.slice(2);
if (files.length !== 1) stop('usage: node scripts/run-headless.js <workflow.json>');
const copy = headlessCopy(files[0]);
const dir = mkdtempSync(join(tmpdir(), 'run-headless-'));
try {
	const copyFile = join(dir, basename(files[0]));
	writeFileSync(copyFile, JSON.stringify({ ...copy, active: false }, null, 2));
	process.stderr.write(`run-headless: importing ${files[0]} as "${copy.name}" (id ${copy.id}), Manual Trigger first\n`);
	// Import messages go to stderr, so stdout carries only what `n8n execute --rawOutput` prints.
	const imported = n8n(['import:workflow', `--input=${copyFile}`], 2);
	if (imported !== 0 && imported !== 127) process.stderr.write(`run-headless: n8n import:workflow refused the copy of ${files[0]}\n`);
	process.exitCode = imported !== 0 ? imported : n8n(['execute', `--id=${copy.id}`, '--rawOutput'], 'inherit');
} finally {
	rmSync(dir, { recursive: true, force: true });
}
