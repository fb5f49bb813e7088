/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
/**
 * `npm run test:editor`: every node of the packed package as a user sees it, in n8n's editor in headless Chromium
 * (see docs/real-n8n.md, "The editor").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';

import type { Browser } from 'playwright-core';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { CACHE_DIR, N8N_VERSION } from '../test-n8n/config';
import { fail, say, step } from '../test-n8n/log';
import { N8n } from '../test-n8n/n8n';
import { killAll, runToEnd } from '../test-n8n/proc';
import { prepareRuntime } from '../test-n8n/runtime';
import { SandboxClient } from '../test-n8n/sandbox';
import { ConsoleWatch, launch } from './browser';
import { checkCredentialForms } from './credential-forms';
import { addThroughNodeCreator } from './creator';
import { FAILURES_DIR, Findings, SELF_CHECKS, requestedSelfChecks, signIn } from './editor';
import { imageProblems } from './images';
import { shortName, walkPanel } from './panels';
import { prepareInstance } from './setup';
import { checkTemplates } from './templates';

const runDir = mkdtempSync(join(tmpdir(), 'secops-test-editor-'));
let sandbox: Sandbox | undefined;
let n8n: N8n | undefined;
let browser: Browser | undefined;

async function cleanup(): Promise<void> {
	await browser?.close().catch(() => undefined);
	await n8n?.stop().catch(() => undefined);
	await sandbox?.close().catch(() => undefined);
	killAll();
	if (process.env.KEEP_N8N_RUN) say(`kept ${runDir} (KEEP_N8N_RUN)`);
	else rmSync(runDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
	say(`n8n ${N8N_VERSION} editor in ${runDir} (cache: ${CACHE_DIR})`);
	const selfChecks = requestedSelfChecks();
	if (selfChecks.length) say(`EDITOR_SELF_CHECK: breaking ${selfChecks.join(', ')} on purpose; this run must fail`);
	const runtime = await step(`Node 24 and n8n ${N8N_VERSION} (cached after the first run)`, prepareRuntime);
	sandbox = await startSandbox({ port: 0 });
	const client = new SandboxClient(sandbox.url);
	n8n = new N8n(runtime, runDir);
	const setup = await prepareInstance(n8n, client);
	const instance = n8n;
	await instance.start();
	await instance.signIn();
	if (process.env.EDITOR_HOLD) {
		writeFileSync(process.env.EDITOR_HOLD, JSON.stringify({ url: instance.url, sandbox: sandbox.url, setup }));
		say(`holding (EDITOR_HOLD): n8n at ${instance.url}, setup in ${process.env.EDITOR_HOLD}`);
		await delay(3_600_000);
	}

	const page = await step('headless Chromium (the OS package) signs in as the owner', async () => {
		browser = await launch();
		const opened = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await signIn(opened, instance.url);
		return opened;
	});
	// Watched from here: the sign-in page's first request asks whether a session exists, and gets 401 by design.
	const watch = new ConsoleWatch(page);
	const findings = new Findings(page, watch);
	const type = (name: string) => setup.nodeTypes.find((t) => shortName(t) === name);
	const [trigger, action] = [type('oktaTrigger'), type('okta')];
	if (trigger && action) {
		await step('add nodes through the node creator (search, click)', async () => await addThroughNodeCreator(page, instance.url, trigger, action, findings));
	}

	const only = (process.env.EDITOR_ONLY ?? '').split(',').filter(Boolean);
	const walked = setup.nodeWorkflows.filter((w) => only.length === 0 || only.includes(shortName(w.type)));
	const saved: string[] = [];
	await step(`every node's panel: each resource and operation, each "From list" (${walked.length} nodes, Tool variants included)`, async () => {
		for (const workflow of walked) {
			// Screenshots are the docs' pictures: one per node (its Tool variant looks the same), none from a self-check.
			const tool = workflow.type.name.endsWith('Tool');
			const report = await walkPanel(page, instance.url, workflow, findings, { screenshot: selfChecks.length === 0 && !tool, resourcesOnly: tool });
			if (report.screenshot) saved.push(report.screenshot);
		}
	});
	await step(`templates open with their sticky notes (${setup.templates.length})`, async () => {
		saved.push(...(await checkTemplates(page, instance.url, setup.templates, findings, selfChecks.length === 0)));
	});
	await step('every credential form passes n8n\'s test with the sandbox\'s values; one with a wrong secret fails it', async () => {
		await client.reset();
		await checkCredentialForms(page, instance.url, setup.credentials, setup.credentialTypes, setup.nodeTypes, findings);
	});
	if (only.length === 0 && selfChecks.length === 0) findings.problems.push(...imageProblems(saved));
	// A requested breakage that no check noticed means that check cannot fail: say so first.
	for (const what of selfChecks) {
		if (!findings.problems.some((problem) => problem.includes(SELF_CHECKS[what]))) {
			findings.problems.unshift(`EDITOR_SELF_CHECK=${what} broke the run on purpose, yet no check failed on it`);
		}
	}
	if (findings.problems.length) {
		fail(`the editor showed ${findings.problems.length} problem(s) (screenshots in ${FAILURES_DIR}):\n${findings.problems.map((p) => `  - ${p}`).join('\n')}`);
	}
	say(`PASS: every node, locator, credential form and template of ${setup.nodeTypes.length} node types works in n8n ${N8N_VERSION}'s editor`);
}

runToEnd(main, cleanup);
