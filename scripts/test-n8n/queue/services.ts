/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { detail, fail } from '../log';
import { Background, aptInstall, freePort, isRoot, run } from '../proc';

/** What queue mode needs besides n8n: Redis (the job queue) and PostgreSQL (the database every process shares). */
export interface QueueServices {
	redis: { host: string; port: number };
	postgres: { host: string; port: number; user: string; database: string };
	stop(): Promise<void>;
}


function redisBinary(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
}

/** The newest PostgreSQL server the OS packages installed (`/usr/lib/postgresql/<major>/bin`). */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((major) => existsSync(join(root, major, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

/** Waits until a background service prints `ready`, failing with its output when it exits or takes too long. */
async function ready(name: string, service: Background, ready: RegExp, seconds = 60): Promise<void> {
	const deadline = Date.now() + seconds * 1000;
	while (Date.now() < deadline) {
		if (ready.test(service.output)) return;
		if (service.exited) fail(`${name} exited before it was ready:\n${service.output.split('\n').slice(-20).join('\n')}`);
		await delay(200);
	}
	fail(`${name} was not ready within ${seconds} s:\n${service.output.split('\n').slice(-20).join('\n')}`);
}

async function startRedis(dir: string): Promise<{ service: Background; port: number }> {
	if (!redisBinary()) await aptInstall(['redis-server'], 'Redis is not installed');
	const binary = redisBinary();
	if (!binary) fail('redis-server is still missing after installing the Debian package redis-server');
	const port = await freePort();
	mkdirSync(dir, { recursive: true });
	// Throwaway: no snapshots, no append-only file, only 127.0.0.1.
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'];
	const service = new Background(binary, args, { cwd: dir });
	await ready('redis-server', service, /Ready to accept connections/);
	return { service, port };
}

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 (trust authentication, no fsync: nothing in it outlives the run).
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user the Debian package creates.
 */
async function startPostgres(dir: string): Promise<{ service: Background; port: number; user: string }> {
	if (!postgresBinDir()) await aptInstall(['postgresql'], 'PostgreSQL is not installed');
	const bin = postgresBinDir();
	if (!bin) fail('the PostgreSQL server is still missing after installing the Debian package postgresql');
	const data = join(dir, 'data');
	mkdirSync(data, { recursive: true });
	let asUser: (command: string, args: string[]) => [string, string[]] = (command, args) => [command, args];
	if (isRoot()) {
		const { stdout, code } = await run('id', ['-u', 'postgres'], { allowFailure: true });
		if (code !== 0) fail('running as root, and there is no `postgres` user to run PostgreSQL as (the Debian package postgresql creates it)');
		const uid = Number(stdout.trim());
		const { stdout: gid } = await run('id', ['-g', 'postgres']);
		chownSync(dir, uid, Number(gid.trim()));
		chownSync(data, uid, Number(gid.trim()));
		asUser = (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]];
	}
	const user = 'n8n';
	await run(...asUser(join(bin, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '--no-sync', '-E', 'UTF8']), { cwd: dir });
	const port = await freePort();
	const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${dir}`, 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
	const service = new Background(...asUser(join(bin, 'postgres'), ['-D', data, '-p', String(port), ...settings.flatMap((s) => ['-c', s])]), { cwd: dir });
	await ready('PostgreSQL', service, /database system is ready to accept connections/);
	return { service, port, user };
}

/**
 * Redis and PostgreSQL on free 127.0.0.1 ports; `stop()` ends both and deletes their files. Redis keeps nothing
 * (under `dir`); the database gets its own temp folder, which the `postgres` user must be able to enter.
 */
export async function startQueueServices(dir: string): Promise<QueueServices> {
	const started: Background[] = [];
	const pgDir = mkdtempSync(join(tmpdir(), 'secops-queue-pg-'));
	const stop = async () => {
		for (const service of started.reverse()) await service.stop();
		rmSync(pgDir, { recursive: true, force: true });
	};
	let complete = false;
	try {
		const redis = await startRedis(join(dir, 'redis'));
		started.push(redis.service);
		detail(`Redis on 127.0.0.1:${redis.port} (no persistence)`);
		const postgres = await startPostgres(pgDir);
		started.push(postgres.service);
		detail(`PostgreSQL on 127.0.0.1:${postgres.port} (throwaway cluster, user ${postgres.user})`);
		complete = true;
		return {
			redis: { host: '127.0.0.1', port: redis.port },
			postgres: { host: '127.0.0.1', port: postgres.port, user: postgres.user, database: 'postgres' },
			stop,
		};
	} finally {
		// Half started (PostgreSQL failed after Redis came up): stop what did start.
		if (!complete) await stop();
	}
}
