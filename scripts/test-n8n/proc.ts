/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';

import { Failure, detail, fail } from './log';
import { spawnGroup } from './spawn';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Resolve with the exit code instead of failing when it is not 0. */
	allowFailure?: boolean;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

const running = new Set<ChildProcess>();

/** Runs a command to completion, capturing its output; its process group is stopped if the runner is interrupted. */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const child = spawnGroup(command, args, { cwd: options.cwd, env: options.env ?? process.env });
	running.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number>((resolve) => {
		child.on('error', (error) => {
			stderr += error.message;
			resolve(127);
		});
		child.on('close', (exitCode) => resolve(exitCode ?? 1));
	});
	running.delete(child);
	if (code !== 0 && !options.allowFailure) {
		const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
		fail(`\`${command} ${args.join(' ')}\` exited with ${code}:\n${tail}`);
	}
	return { code, stdout, stderr };
}

/** A long-running child (the n8n server) whose output is kept for later inspection. */
export class Background {
	output = '';
	exited = false;
	private readonly child: ChildProcess;
	private readonly closed: Promise<void>;

	constructor(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }) {
		this.child = spawnGroup(command, args, options);
		running.add(this.child);
		this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		this.closed = new Promise((resolve) => {
			this.child.on('close', () => {
				this.exited = true;
				running.delete(this.child);
				resolve();
			});
		});
	}

	/** SIGTERM to the whole process group (n8n starts task runners), SIGKILL if it lingers. */
	async stop(graceMs = 15_000): Promise<void> {
		if (this.exited) return;
		signalGroup(this.child, 'SIGTERM');
		const timedOut = await Promise.race([this.closed.then(() => false), delay(graceMs).then(() => true)]);
		if (timedOut) {
			signalGroup(this.child, 'SIGKILL');
			await this.closed;
		}
	}
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/** Last resort on exit or interrupt: every child this runner started, and nothing else. */
export function killAll(): void {
	for (const child of running) signalGroup(child, 'SIGKILL');
	running.clear();
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * Installs Debian packages when this runner may (root); otherwise says what to install. Recommended packages are
 * left out unless asked for (a browser wants its fonts).
 */
export async function aptInstall(packages: string[], why: string, { withRecommends = false } = {}): Promise<void> {
	if (!isRoot()) {
		fail(`${why}: install it first (Debian/Ubuntu: \`sudo apt-get install -y ${packages.join(' ')}\`) or run this as root, which installs it`);
	}
	detail(`${why}: apt-get install -y ${packages.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update', '-qq'], { env });
	await run('apt-get', ['install', '-y', '-qq', ...(withRecommends ? [] : ['--no-install-recommends']), ...packages], { env });
}

/** Asks `probe` every `everyMs` until it answers something, for at most `seconds`; `undefined` when it never did. */
export async function waitFor<T>(seconds: number, probe: () => Promise<T | undefined>, everyMs = 500): Promise<T | undefined> {
	const deadline = Date.now() + seconds * 1000;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined) return value;
		await delay(everyMs);
	}
	return undefined;
}

/**
 * How every runner (`test:n8n`, `test:n8n:queue`, `test:editor`) ends: a last line `FAIL: <why>` and exit code 1,
 * or 130 on Ctrl+C / SIGTERM; `cleanup` runs either way, after every child process was killed on a signal.
 */
export function runToEnd(main: () => Promise<void>, cleanup: () => Promise<void>): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			killAll();
			void cleanup().finally(() => process.exit(130));
		});
	}
	main()
		.catch((error: unknown) => {
			process.exitCode = 1;
			const message = error instanceof Failure ? error.message : ((error as Error)?.stack ?? String(error));
			process.stdout.write(`\nFAIL: ${message}\n`);
		})
		.finally(async () => await cleanup());
}
