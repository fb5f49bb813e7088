/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
/**
 * `npm run test:n8n`: proves the packed package inside a real n8n (see docs/real-n8n.md).
 * Node 24 + n8n are cached; everything else (user folder, database, sandbox) is thrown away after the run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { CACHE_DIR, N8N_VERSION } from './config';
import { testCredentialsInN8n } from './credential-tests';
import { planCredentials } from './credentials';
import { loadProblems } from './load-check';
import { detail, fail, say, step } from './log';
import { N8n } from './n8n';
import { npmCli } from './npm';
import { declaredTypes, installAsReadmeSays, packageJson } from './package';
import { killAll, runToEnd } from './proc';
import { pickEventHookWorkflow, proveEventHook } from './event-hook';
import { prepareRuntime } from './runtime';
import { SandboxClient } from './sandbox';
import { fastPollTimes, pickTriggerWorkflow, proveTrigger } from './trigger';
import { MANUAL_TRIGGER, copyFile, discoverWorkflows, importCopies, importTemplates, referenceProblems, runHeadless } from './workflows';
import type { WorkflowFile } from './workflows';

const runDir = mkdtempSync(join(tmpdir(), 'secops-test-n8n-'));
let sandbox: Sandbox | undefined;
let n8n: N8n | undefined;

async function cleanup(): Promise<void> {
	await n8n?.stop().catch(() => undefined);
	await sandbox?.close().catch(() => undefined);
	killAll();
	if (process.env.KEEP_N8N_RUN) say(`kept ${runDir} (KEEP_N8N_RUN)`);
	else rmSync(runDir, { recursive: true, force: true });
}

function listProblems(title: string, problems: string[]): void {
	if (problems.length) fail(`${title}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

async function main(): Promise<void> {
	say(`n8n ${N8N_VERSION} in ${runDir} (cache: ${CACHE_DIR}, npm: ${npmCli()})`);
	const runtime = await step(`Node 24 and n8n ${N8N_VERSION} (cached after the first run)`, prepareRuntime);
	const n8nFolder = join(runDir, '.n8n');
	await step(`README's install route: build, npm pack, npm install into .n8n/nodes`, async () => await installAsReadmeSays(runDir));

	const declared = declaredTypes();
	const pkg = packageJson.name;
	const { templates, fixtures } = await discoverWorkflows();
	const runnableFixtures = fixtures.filter((fixture) => {
		const missing = fixture.json.nodes.filter((n) => n.type.startsWith(`${pkg}.`) && !declared.nodes.some((d) => d.type === n.type));
		if (missing.length) say(`fixture ${fixture.label} skipped: the package does not declare ${[...new Set(missing.map((n) => n.type))].join(', ')} yet`);
		return missing.length === 0;
	});
	if (templates.length === 0) say('no templates yet: workflows/ has no *.json, so only the runner\'s fixtures run');
	const workflows: WorkflowFile[] = [...templates, ...runnableFixtures];

	sandbox = await startSandbox({ port: 0 });
	const client = new SandboxClient(sandbox.url);
	n8n = new N8n(runtime, runDir);
	const instance = n8n;

	const loaded = await step('n8n loads every declared node and credential type', async () => {
		await instance.start();
		const types = instance.loadedTypes();
		await instance.stop();
		listProblems(
			`n8n did not load ${pkg} cleanly`,
			loadProblems(declared, types, instance.serverOutput, pkg, join(n8nFolder, 'nodes/node_modules', pkg)),
		);
		detail(`nodes: ${declared.nodes.map((n) => n.type).join(', ')}`);
		detail(`credentials: ${declared.credentials.map((c) => c.name).join(', ')}`);
		return types;
	});

	await step(`workflows reference only types n8n knows (${templates.length} templates, ${runnableFixtures.length} fixtures)`, async () => {
		listProblems('a workflow references something n8n does not have', referenceProblems(workflows, loaded.nodes, loaded.credentials, pkg));
	});

	const credentials = await step('import credentials pointing at the sandbox', async () => {
		const { records, notes } = planCredentials(
			declared.credentials.map((c) => c.name),
			loaded.credentials,
			await client.credentials(),
			workflows,
		);
		notes.forEach((note) => detail(note));
		if (records.length === 0) return records;
		const file = join(runDir, 'credentials.json');
		writeFileSync(file, JSON.stringify(records, null, 2));
		const { stdout, stderr } = await instance.cli(['import:credentials', `--input=${file}`]);
		if (!/Successfully imported/.test(stdout + stderr)) fail(`n8n import:credentials did not confirm:\n${stdout}\n${stderr}`);
		records.forEach((r) => detail(`${r.type} "${r.name}" (id ${r.id})`));
		return records;
	});

	const pollingTypes = declared.nodes.filter((n) => n.polling).map((n) => n.type);
	const triggerWorkflow = pickTriggerWorkflow(workflows, pollingTypes);
	// The trigger scenario publishes a copy that polls every 10 s, under its own id: the template stays as shipped.
	const fastCopy = triggerWorkflow && {
		...triggerWorkflow,
		id: `${triggerWorkflow.id}-p`,
		json: { ...triggerWorkflow.json, ...fastPollTimes(triggerWorkflow), id: `${triggerWorkflow.id}-p`, name: `${triggerWorkflow.json.name} (polls every 10 s)` },
	};
	await step(`import ${templates.length} template(s) as shipped: n8n import:workflow --input=<file>`, async () => {
		await importTemplates(instance, templates);
		templates.forEach((template) => detail(`${template.label} → id ${template.id}`));
	});
	const copies = [
		...runnableFixtures.map((fixture) => ({ label: fixture.label, json: { ...fixture.json, id: fixture.id } })),
		...(fastCopy ? [{ label: `${fastCopy.label} (polls every 10 s)`, json: fastCopy.json }] : []),
	];
	await step(`import the runner's ${copies.length} copies (fixtures with ids, the trigger scenario's fast-polling copy)`, async () => {
		await importCopies(instance, copies);
		copies.forEach((copy) => detail(`${copy.label} → id ${copy.json.id}`));
	});

	if (credentials.length) {
		await step(`every credential's test passes in n8n (POST /rest/credentials/test, the editor's Test button)`, async () => {
			await client.reset();
			await instance.start();
			try {
				await instance.signIn();
				listProblems('a credential test failed in n8n', await testCredentialsInN8n(instance, credentials, loaded.credentials));
			} finally {
				await instance.stop();
			}
		});
	}

	if (pollingTypes.length === 0) {
		say('polling trigger: skipped, the package declares no node with `polling: true`');
	} else if (!fastCopy) {
		fail(
			`the package declares polling trigger(s) ${pollingTypes.join(', ')}, but no workflow check declares a trigger scenario ` +
				'(add `trigger: { node, seed }` to scripts/test-n8n/checks/<workflow>.ts; see docs/real-n8n.md)',
		);
	} else {
		const chosen = fastCopy;
		await step(`polling trigger fires once through n8n's scheduler (${chosen.label})`, async () => {
			await instance.cli(['publish:workflow', `--id=${chosen.id}`]);
			await client.reset();
			await instance.start();
			try {
				await proveTrigger(instance, client, chosen);
			} finally {
				await instance.stop();
			}
		});
	}

	const hookType = `${pkg}.oktaEventHookTrigger`;
	if (declared.nodes.some((n) => n.type === hookType)) {
		const found = pickEventHookWorkflow(workflows, hookType);
		if (!found) fail(`the package declares ${hookType}, but no workflow has one with Register in Okta and a webhookId (see scripts/test-n8n/fixtures/okta-event-hook.json)`);
		const { workflow, node } = found;
		const secretRef = node.credentials?.secOpsOktaEventHookApi?.id;
		const secret = credentials.find((r) => r.id === secretRef)?.data.secret;
		if (typeof secret !== 'string') fail(`${workflow.label}: node "${node.name}" has no imported Event Hook Secret credential`);
		await step(`event hook trigger registers itself in Okta on activation and receives a delivery (${workflow.label})`, async () => {
			// Only this workflow is active: the polling scenario's workflow would keep polling the sandbox otherwise.
			await instance.cli(['unpublish:workflow', '--all']);
			await instance.cli(['publish:workflow', `--id=${workflow.id}`]);
			await client.reset();
			await instance.start();
			try {
				await proveEventHook(instance, client, workflow, node, secret);
			} finally {
				await instance.stop();
			}
		});
	}

	for (const workflow of workflows) {
		const title = `headless run: ${workflow.label}`;
		if (!workflow.json.nodes.some((n) => n.type === MANUAL_TRIGGER && !n.disabled)) {
			if (workflow.check?.verify) fail(`${workflow.label}: ${workflow.checkLabel} has verify(), but the workflow has no Manual Trigger to run from`);
			say(`${title}: skipped, no Manual Trigger (the headless route runs the Manual Trigger branch)`);
			continue;
		}
		await step(title, async () => {
			await client.reset();
			await workflow.check?.prepare?.(client);
			const run = await runHeadless(instance, workflow, workflow.kind === 'template' ? workflow.label : copyFile(instance, workflow.id));
			detail(`ran: ${Object.keys(run.resultData.runData).join(' → ')}`);
			if (workflow.check?.verify) {
				await workflow.check.verify({ sandbox: client, run });
				detail(`${workflow.checkLabel}: effects as expected`);
			} else {
				detail(`no ${workflow.checkLabel}: checked only that it ran without error`);
			}
		});
	}
	say(`PASS: ${pkg} loads and runs in n8n ${N8N_VERSION}`);
}

runToEnd(main, cleanup);
