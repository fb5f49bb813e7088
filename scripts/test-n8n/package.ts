/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './config';
import { detail, fail } from './log';
import { run } from './proc';
import { readmeCommands } from './readme';
import { cleanEnv } from './runtime';

/** README's section whose commands install the package from this checkout. */
const INSTALL_HEADING = '## Install into n8n';

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

/** The tarball README's install route packs and installs: `npm pack` names it `<name>-<version>.tgz`. */
export const TARBALL = `${packageJson.name}-${packageJson.version}.tgz`;

/**
 * README's *Install into n8n* commands, run as written in this checkout with `N8N_USER_FOLDER` set to the run's
 * user folder: build, `npm pack`, `npm install` into `<user folder>/.n8n/nodes`. Then only the package may be
 * there: its peer dependency n8n-workflow (about 160 packages) must not have come along.
 */
export async function installAsReadmeSays(userFolder: string, options: { packed?: boolean } = {}): Promise<void> {
	let commands = readmeCommands(INSTALL_HEADING);
	if (!commands.includes(`./${TARBALL}`)) {
		fail(`README's "${INSTALL_HEADING}" does not install ./${TARBALL}, the tarball npm pack makes of version ${packageJson.version}:\n${commands}`);
	}
	// `packed`: the tarball was just built by this route, into another user folder: only README's install lines again.
	if (options.packed) {
		if (!existsSync(join(ROOT, TARBALL))) fail(`${TARBALL} is not in the checkout: run the whole install route first`);
		commands = commands.split('\n').filter((line) => !/\bnpm (run build|pack)\b/.test(line)).join('\n');
	}
	detail(commands.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#')).join('\n           '));
	await run('bash', ['-euo', 'pipefail', '-c', commands], { cwd: ROOT, env: cleanEnv({ N8N_USER_FOLDER: userFolder }) });
	const modules = join(userFolder, '.n8n', 'nodes', 'node_modules');
	if (!existsSync(join(modules, packageJson.name, 'package.json'))) fail(`README's install route did not install ${packageJson.name} into ${modules}`);
	const others = readdirSync(modules).filter((name) => !name.startsWith('.') && name !== packageJson.name);
	if (others.length) fail(`README's install route installed more than ${packageJson.name} into ${modules}: ${others.join(', ')}`);
}
