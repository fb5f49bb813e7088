/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
/**
 * `npm run test:n8n:queue`: the packed package in n8n's queue mode (see docs/real-n8n.md, "Queue mode"): Redis,
 * PostgreSQL, one main process (runs the trigger) and two workers (run the executions), each with the package
 * installed in its own user folder by README's install route. 200 anomalies in waves, one worker restarted mid-run;
 * the effects must be those of single-process mode, with no anomaly ticketed twice and no duplicate incident.
 */
// First: n8n-core's environment for the in-process reference run (see reference.ts).
import '../../../test/setup-env';

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

import type { Sandbox } from '../../../sandbox';
import { startSandbox } from '../../../sandbox';
import { CACHE_DIR, N8N_VERSION } from '../config';
import { planCredentials } from '../credentials';
import { detail, fail, say, step } from '../log';
import { N8n } from '../n8n';
import { declaredTypes, installAsReadmeSays, packageJson } from '../package';
import { killAll, runToEnd, waitFor } from '../proc';
import { prepareRuntime } from '../runtime';
import { SandboxClient } from '../sandbox';
import { fastPollTimes } from '../trigger';
import { discoverWorkflows, importCopies } from '../workflows';
import type { WorkflowFile } from '../workflows';
import { singleProcessEffects } from './reference';
import { PER_WAVE, QUEUE_TEMPLATE, WAVES, activeLogins, effects, plan, seed, ticketed } from './scenario';
import type { Seeded } from './scenario';
import type { QueueServices } from './services';
import { startQueueServices } from './services';

const WORKERS = 2;
/** n8n warns below 5 ("can lead to an unstable environment"). */
const WORKER_CONCURRENCY = 5;
/** Poll every 5 s: twelve once-a-minute crons (n8n refuses a sub-minute one). */
const POLL_SECONDS = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55];
/** The wave after which one worker is restarted, while it runs that wave's execution if it can be caught at it. */
const RESTART_AFTER_WAVE = 4;
const WAVE_TIMEOUT_S = 90;

const runDir = mkdtempSync(join(tmpdir(), 'secops-test-n8n-queue-'));
let sandbox: Sandbox | undefined;
let services: QueueServices | undefined;
const processes: N8n[] = [];

async function cleanup(): Promise<void> {
	for (const instance of processes.reverse()) await instance.stop().catch(() => undefined);
	await sandbox?.close().catch(() => undefined);
	await services?.stop().catch(() => undefined);
	killAll();
	if (process.env.KEEP_N8N_RUN) say(`kept ${runDir} (KEEP_N8N_RUN)`);
	else rmSync(runDir, { recursive: true, force: true });
}

const started = (output: string) => output.match(/Worker started execution \d+/g)?.length ?? 0;
const finished = (output: string) => output.match(/Worker finished execution \d+/g)?.length ?? 0;

function theTemplate(templates: WorkflowFile[], pollingTypes: string[]): { template: WorkflowFile; triggerNode: string } {
	const template = templates.find((t) => t.label === `workflows/${QUEUE_TEMPLATE}`);
	if (!template) fail(`workflows/${QUEUE_TEMPLATE} (QUEUE_TEMPLATE in scripts/test-n8n/queue/scenario.ts) does not exist`);
	const trigger = template.json.nodes.find((node) => pollingTypes.includes(node.type) && !node.disabled);
	if (!trigger) fail(`${template.label} has no polling trigger of this package`);
	return { template, triggerNode: trigger.name };
}

async function main(): Promise<void> {
	say(`n8n ${N8N_VERSION} in queue mode: 1 main + ${WORKERS} workers, in ${runDir} (cache: ${CACHE_DIR})`);
	const runtime = await step(`Node 24 and n8n ${N8N_VERSION} (cached after the first run)`, prepareRuntime);
	services = await step('Redis and PostgreSQL on 127.0.0.1 (throwaway)', async () => await startQueueServices(join(runDir, 'services')));
	const { redis, postgres } = services;

	// Every process of one n8n: one database, one queue, one encryption key; each its own user folder.
	const shared = {
		encryptionKey: randomBytes(24).toString('hex'),
		env: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			// The worker restart is graceful: it finishes what it runs, within this, before it exits.
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '60',
		},
	};
	const folders = ['main', ...Array.from({ length: WORKERS }, (_, i) => `worker-${i + 1}`)];
	const [primary, ...workers] = folders.map((name) => {
		mkdirSync(join(runDir, name));
		return new N8n(runtime, join(runDir, name), shared);
	});
	processes.push(primary, ...workers);
	// Every main and worker loads community packages from its own user folder: the package goes into each.
	await step(`README's install route into the main's user folder`, async () => await installAsReadmeSays(primary.userFolder));
	for (const [i, worker] of workers.entries()) {
		await step(`README's install command into worker-${i + 1}'s user folder (the tarball just packed)`, async () => await installAsReadmeSays(worker.userFolder, { packed: true }));
	}

	const declared = declaredTypes();
	const pollingTypes = declared.nodes.filter((n) => n.polling).map((n) => n.type);
	const { templates } = await discoverWorkflows();
	const { template, triggerNode } = theTemplate(templates, pollingTypes);
	const queueId = `${template.id}-q`;
	const copy = {
		...template.json,
		...fastPollTimes(template, POLL_SECONDS, triggerNode),
		id: queueId,
		name: `${template.json.name} (queue mode, polls every 5 s)`,
	};

	sandbox = await startSandbox({ port: 0 });
	const client = new SandboxClient(sandbox.url);
	const anomalies = plan(await activeLogins(client));

	const expected = await step(`single-process reference: the same ${anomalies.length} anomalies in ${WAVES} waves through n8n-core in-process`, async () => {
		const reference = await singleProcessEffects(template.json, triggerNode, anomalies);
		if (reference.problems.length) fail(`single-process mode itself does not ticket every anomaly exactly once:\n  - ${reference.problems.join('\n  - ')}`);
		detail(`${reference.perAnomaly.length} anomalies ticketed once each; ${reference.incidents.length} incidents by correlation ID / key`);
		return reference;
	});

	await step(`import credentials and ${template.label} (id ${queueId}, polls every 5 s), publish it`, async () => {
		const { records, notes } = planCredentials(
			declared.credentials.map((c) => c.name),
			[],
			await client.credentials(),
			[template],
		);
		notes.forEach((note) => detail(note));
		const file = join(runDir, 'credentials.json');
		writeFileSync(file, JSON.stringify(records, null, 2));
		const { stdout, stderr } = await primary.cli(['import:credentials', `--input=${file}`]);
		if (!/Successfully imported/.test(stdout + stderr)) fail(`n8n import:credentials did not confirm:\n${stdout}\n${stderr}`);
		await importCopies(primary, [{ label: template.label, json: copy }]);
		await primary.cli(['publish:workflow', `--id=${queueId}`]);
	});

	await step(`start the main process and ${WORKERS} workers (n8n worker --concurrency=${WORKER_CONCURRENCY})`, async () => {
		await client.reset();
		await primary.start();
		await Promise.all(workers.map(async (worker) => await worker.startWorker(WORKER_CONCURRENCY)));
		await primary.signIn();
		const polled = await waitFor(60, async () => ((await client.requests('okta')).length > 0 ? true : undefined));
		if (!polled) fail(`the main process never polled Okta after activating ${queueId}:\n${primary.serverOutput.split('\n').slice(-25).join('\n')}`);
		const early = await primary.executions(queueId);
		if (early.length) fail(`${early.length} execution(s) before anything was seeded: the trigger must start from "now"`);
	});

	const seeded: Seeded[] = [];
	const workerRuns = workers.map(() => 0);
	await step(`${anomalies.length} anomalies in ${WAVES} waves of ${PER_WAVE}; a worker restarted during wave ${RESTART_AFTER_WAVE + 1}`, async () => {
		for (let wave = 0; wave < WAVES; wave++) {
			const at = Date.now();
			const before = workers.map((w) => started(w.serverOutput));
			const mine: Seeded[] = [];
			for (const anomaly of anomalies.filter((a) => a.wave === wave)) mine.push(await seed(client, anomaly));
			seeded.push(...mine);
			if (wave === RESTART_AFTER_WAVE) {
				// Catch a worker at this wave's execution and restart it: SIGTERM, n8n's graceful shutdown, a new process.
				const busy = await waitFor(20, async () => {
					const index = workers.findIndex((w, i) => started(w.serverOutput) > before[i]);
					return index >= 0 ? index : undefined;
				});
				const index = busy ?? 0;
				const worker = workers[index];
				const inFlight = started(worker.serverOutput) - finished(worker.serverOutput);
				workerRuns[index] += started(worker.serverOutput);
				await worker.stop(90_000);
				if (inFlight > 0 && finished(worker.serverOutput) < started(worker.serverOutput)) {
					fail(`worker-${index + 1} exited without finishing the execution it was running:\n${worker.serverOutput.split('\n').slice(-25).join('\n')}`);
				}
				detail(`worker-${index + 1} restarted (${inFlight > 0 ? `SIGTERM while running ${inFlight} execution(s): finished before exiting` : 'SIGTERM between executions'})`);
				await worker.startWorker(WORKER_CONCURRENCY);
			}
			const done = await waitFor(WAVE_TIMEOUT_S, async () => ((await ticketed(client, mine)).size === mine.length ? true : undefined));
			if (!done) {
				const got = (await ticketed(client, mine)).size;
				fail(`wave ${wave + 1}: ${got} of ${mine.length} anomalies ticketed after ${WAVE_TIMEOUT_S} s\n${primary.serverOutput.split('\n').slice(-15).join('\n')}`);
			}
			detail(`wave ${wave + 1}: ${mine.length} anomalies ticketed in ${((Date.now() - at) / 1000).toFixed(1)} s`);
		}
	});

	await step('every execution finished successfully on a worker; two more polls start none', async () => {
		const settled = await waitFor(60, async () => {
			const list = await primary.executions(queueId, 100);
			return list.every((e) => !['new', 'running', 'waiting'].includes(e.status)) ? list : undefined;
		});
		if (!settled) fail('executions still running 60 s after the last anomaly was ticketed');
		const polls = (await client.requests('okta')).filter((r) => r.path === '/api/v1/logs').length;
		await waitFor(30, async () => ((await client.requests('okta')).filter((r) => r.path === '/api/v1/logs').length >= polls + 2 ? true : undefined));
		const executions = await primary.executions(queueId, 100);
		const bad = executions.filter((e) => e.status !== 'success' || e.mode !== 'trigger');
		if (bad.length) fail(`executions not successful in mode trigger: ${bad.map((e) => `${e.id} ${e.mode} ${e.status}`).join(', ')}`);
		workers.forEach((w, i) => (workerRuns[i] += started(w.serverOutput)));
		if (started(primary.serverOutput) > 0) fail('the main process ran executions itself: it is not in queue mode');
		const onWorkers = workerRuns.reduce((a, b) => a + b, 0);
		if (onWorkers !== executions.length) fail(`n8n lists ${executions.length} executions, the workers logged ${onWorkers}`);
		detail(`${executions.length} executions, all success: ${workerRuns.map((n, i) => `worker-${i + 1} ran ${n}`).join(', ')}`);
	});

	await step('effects as in single-process mode: each anomaly ticketed exactly once, no duplicate incident', async () => {
		const actual = await effects(client, template.json, seeded);
		if (actual.problems.length) fail(`queue mode:\n  - ${actual.problems.join('\n  - ')}`);
		const differences = [
			...actual.perAnomaly.filter((line, i) => line !== expected.perAnomaly[i]).map((line, i) => `queue:  ${line}\n    single: ${expected.perAnomaly[i] ?? '(none)'}`),
			...actual.incidents.filter((line) => !expected.incidents.includes(line)).map((line) => `queue only: ${line}`),
			...expected.incidents.filter((line) => !actual.incidents.includes(line)).map((line) => `single-process only: ${line}`),
		];
		if (differences.length) fail(`queue mode did not do what single-process mode does (${differences.length} differences):\n  - ${differences.slice(0, 20).join('\n  - ')}`);
		detail(`${actual.perAnomaly.length} anomalies, ${actual.incidents.length} incidents: identical to single-process mode`);
	});
	say(`PASS: ${packageJson.name} in n8n ${N8N_VERSION} queue mode (1 main, ${WORKERS} workers, Redis, PostgreSQL)`);
}

runToEnd(main, cleanup);
