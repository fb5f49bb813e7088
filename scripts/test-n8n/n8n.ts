/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';

import { fail } from './log';
import { Background, freePort, run } from './proc';
import type { RunResult } from './proc';
import type { Runtime } from './runtime';
import { cleanEnv } from './runtime';

/** A node or credential type as n8n serves it to its editor (`/types/*.json`). */
export interface LoadedType {
	name: string;
	displayName?: string;
	polling?: boolean;
	group?: string[];
	iconUrl?: string | { light: string; dark: string };
	codex?: unknown;
	credentials?: Array<{ name: string }>;
	properties?: Array<{ name: string; typeOptions?: { expirable?: boolean } }>;
}

export interface ExecutionSummary {
	id: string;
	mode: string;
	status: string;
	workflowId: string;
}

/** The instance owner `signIn` sets up (the editor test signs in as it too). */
export const OWNER = { email: 'owner@secops.test', password: 'Secops-test-1' };

export interface N8nOptions {
	/** Processes that share one database (queue mode: a main and its workers) must share the key. */
	encryptionKey?: string;
	/** Environment for every command of this instance (database, queue mode), over the defaults below. */
	env?: Record<string, string>;
}

/** One throwaway n8n instance (its own N8N_USER_FOLDER, database and key) on the cached runtime. */
export class N8n {
	readonly n8nFolder: string;
	readonly encryptionKey: string;
	private server?: Background;
	/** The last server's output once stopped: checks read it after stopping (the load check does). */
	private stoppedOutput = '';
	private baseUrl = '';
	private cookie = '';
	private readonly browserId = randomBytes(8).toString('hex');

	constructor(
		readonly runtime: Runtime,
		readonly userFolder: string,
		private readonly options: N8nOptions = {},
	) {
		this.n8nFolder = join(userFolder, '.n8n');
		this.encryptionKey = options.encryptionKey ?? randomBytes(24).toString('hex');
	}

	/** Offline and quiet: no telemetry, version checks, templates or MCP registry calls to api.n8n.io. */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return cleanEnv({
			PATH: `${join(this.runtime.nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			...this.options.env,
			...extra,
		});
	}

	/** One `n8n <command>` run; every run gets its own task-broker port so it never clashes with a server. */
	async cli(args: string[], options: { allowFailure?: boolean } = {}): Promise<RunResult> {
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		return await run(this.runtime.node, [this.runtime.n8nBin, ...args], { env, cwd: this.userFolder, ...options });
	}

	/**
	 * Environment for commands that call `n8n` as a user would (README's headless route): this instance's
	 * environment, with a `bin/n8n` in the user folder first on PATH that runs this n8n on Node 24.
	 */
	async shellEnv(): Promise<NodeJS.ProcessEnv> {
		const bin = join(this.userFolder, 'bin');
		if (!existsSync(join(bin, 'n8n'))) {
			mkdirSync(bin, { recursive: true });
			writeFileSync(join(bin, 'n8n'), `#!/bin/sh\nexec ${shellQuote(this.runtime.node)} ${shellQuote(this.runtime.n8nBin)} "$@"\n`, { mode: 0o755 });
		}
		return this.env({
			PATH: `${bin}:${join(this.runtime.nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
	}

	/** `n8n start` on free ports; resolves once /healthz/readiness answers 200. */
	async start(extraEnv: Record<string, string> = {}): Promise<void> {
		const port = await freePort();
		await this.launch(['start'], port, { N8N_PORT: String(port), ...extraEnv });
	}

	/**
	 * `n8n worker` (queue mode: runs the executions the main process queues in Redis); resolves once its health
	 * server answers /healthz/readiness (database and Redis connected). `url` is then that health server.
	 */
	async startWorker(concurrency: number, extraEnv: Record<string, string> = {}): Promise<void> {
		const port = await freePort();
		await this.launch(['worker', `--concurrency=${concurrency}`], port, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...extraEnv,
		});
	}

	private async launch(args: string[], port: number, extraEnv: Record<string, string>): Promise<void> {
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.server = new Background(this.runtime.node, [this.runtime.n8nBin, ...args], { env, cwd: this.userFolder });
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (this.server.exited) fail(`n8n ${args[0]} exited early:\n${this.serverOutput.split('\n').slice(-30).join('\n')}`);
			try {
				if ((await fetch(`${this.baseUrl}/healthz/readiness`)).ok) return;
			} catch {
				// not listening yet
			}
			await delay(500);
		}
		fail(`n8n ${args[0]} did not become ready within 120 s:\n${this.serverOutput.split('\n').slice(-30).join('\n')}`);
	}

	/** The running server's base URL, e.g. `http://127.0.0.1:5678` (its webhooks are below `/webhook/`). */
	get url(): string {
		return this.baseUrl;
	}

	get serverOutput(): string {
		return this.server?.output ?? this.stoppedOutput;
	}

	/** SIGTERM (n8n shuts down gracefully: a worker finishes its running executions first), SIGKILL after `graceMs`. */
	async stop(graceMs?: number): Promise<void> {
		await this.server?.stop(graceMs);
		if (this.server) this.stoppedOutput = this.server.output;
		this.server = undefined;
		this.cookie = '';
	}

	/** The node and credential types the running server generated for its editor (written at startup). */
	loadedTypes(): { nodes: LoadedType[]; credentials: LoadedType[] } {
		const dir = join(this.userFolder, '.cache/n8n/public/types');
		const read = (name: string) => {
			const file = join(dir, `${name}.json`);
			if (!existsSync(file)) fail(`n8n wrote no ${file}`);
			return JSON.parse(readFileSync(file, 'utf8')) as LoadedType[];
		};
		return { nodes: read('nodes'), credentials: read('credentials') };
	}

	/** Sets up the instance owner on a fresh instance, else logs in as it; keeps the session cookie for REST calls. */
	async signIn(): Promise<void> {
		const post = async (path: string, body: Record<string, string>) =>
			await fetch(`${this.baseUrl}/rest/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': this.browserId },
				body: JSON.stringify(body),
			});
		let response = await post('owner/setup', { email: OWNER.email, firstName: 'Test', lastName: 'Owner', password: OWNER.password });
		if (response.status === 400 && /already setup/i.test(await response.clone().text())) {
			response = await post('login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		}
		if (!response.ok) fail(`n8n owner setup or login answered ${response.status}: ${await response.text()}`);
		const cookie = response.headers.get('set-cookie')?.match(/n8n-auth=[^;]+/)?.[0];
		if (!cookie) fail('n8n owner setup or login set no n8n-auth cookie');
		this.cookie = cookie;
	}

	/** A REST call as the signed-in owner (the editor's API); n8n answers `{ data }`. */
	async rest<T>(path: string, body?: unknown): Promise<T> {
		const method = body === undefined ? 'GET' : 'POST';
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { cookie: this.cookie, 'browser-id': this.browserId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) fail(`${method} /rest${path} answered ${response.status}: ${await response.text()}`);
		return ((await response.json()) as { data: T }).data;
	}

	async executions(workflowId: string, limit = 50): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await this.rest<{ results: ExecutionSummary[] }>(`/executions?filter=${filter}&limit=${limit}`);
		return results;
	}

	/** An execution's run data (n8n stores it `flatted`; parsed with n8n's own copy of the library). */
	async executionRunData(id: string): Promise<Record<string, unknown>> {
		const execution = await this.rest<{ data: string }>(`/executions/${id}`);
		const requireFromN8n = createRequire(join(this.runtime.n8nHome, 'node_modules/n8n/package.json'));
		const { parse } = requireFromN8n('flatted') as { parse: (text: string) => Record<string, unknown> };
		return parse(execution.data);
	}
}

function shellQuote(value: string): string {
	return `'${value.replace(/'/g, "'\\''")}'`;
}
