/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import process from 'node:process';

import { NPM_CLI, ROOT } from './config';
import { fail } from './log';
import { run } from './proc';
import type { Runtime } from './runtime';
import { cleanEnv } from './runtime';

interface PackageJson {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
}

export const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

export interface DeclaredNode {
	/** `n8n-nodes-secops.okta` */
	type: string;
	file: string;
	polling: boolean;
	credentials: string[];
}

export interface Declared {
	nodes: DeclaredNode[];
	/** Credential type names (`secOpsOktaApi`) with the file that declares each. */
	credentials: Array<{ name: string; file: string }>;
}

interface Described {
	description: { name: string; polling?: boolean; credentials?: Array<{ name: string }> };
}

/** The class a built file exports, instantiated: what package.json promises n8n. */
function instantiate<T>(file: string): T {
	const path = join(ROOT, file);
	if (!existsSync(path)) fail(`package.json registers ${file}, but the build did not produce it`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = Object.values(require(path) as Record<string, unknown>).find((value) => typeof value === 'function');
	if (!exported) fail(`${file} exports no class`);
	return new (exported as new () => T)();
}

/** Every node and credential type package.json registers, read from the built files. */
export function declaredTypes(): Declared {
	const nodes = packageJson.n8n.nodes.map((file) => {
		const { description } = instantiate<Described>(file);
		return {
			type: `${packageJson.name}.${description.name}`,
			file,
			polling: description.polling === true,
			credentials: (description.credentials ?? []).map((credential) => credential.name),
		};
	});
	const credentials = packageJson.n8n.credentials.map((file) => ({ name: instantiate<{ name: string }>(file).name, file }));
	return { nodes, credentials };
}

/** `npm run build` then `npm pack` of the working tree; returns the tarball's path. */
export async function buildAndPack(outDir: string): Promise<string> {
	await run('npm', ['run', 'build'], { cwd: ROOT, env: cleanEnv() });
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: ROOT, env: cleanEnv() });
	const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
	return join(outDir, basename(filename));
}

/**
 * A manual community-package install: `npm i <tarball>` in `<n8nFolder>/nodes` with Node 24's npm. Peer
 * dependencies (n8n-workflow) are not installed, as n8n's own installer strips them: the package uses n8n's copy.
 */
export async function installIntoN8n(runtime: Runtime, tarball: string, n8nFolder: string): Promise<void> {
	const nodesDir = join(n8nFolder, 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	copyFileSync(tarball, join(nodesDir, basename(tarball)));
	await run(
		runtime.node,
		[NPM_CLI, 'install', `./${basename(tarball)}`, '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: nodesDir, env: cleanEnv({ PATH: `${join(runtime.nodeDir, 'bin')}:${process.env.PATH ?? ''}` }) },
	);
	if (!existsSync(join(nodesDir, 'node_modules', packageJson.name, 'package.json'))) {
		fail(`npm did not install ${packageJson.name} into ${nodesDir}`);
	}
}
