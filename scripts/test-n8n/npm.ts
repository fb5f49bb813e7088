/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import process from 'node:process';

import { fail } from './log';

/** What an npm CLI path is: the script itself, or the launcher on PATH that links (or sits next) to it. */
function npmCliOf(path: string): string | undefined {
	let real: string;
	try {
		real = realpathSync(path);
	} catch {
		return undefined;
	}
	if (basename(real) === 'npm-cli.js') return real;
	// A launcher that is not a symlink (a shell wrapper in <prefix>/bin): npm lives in <prefix>/lib/node_modules/npm.
	const beside = join(dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
	return existsSync(beside) ? realpathSync(beside) : undefined;
}

function executable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

let found: string | undefined;

/**
 * The npm CLI script of the npm in this environment, to run under Node 24 (installs and rebuilds then target
 * Node 24): `npm_execpath` when started by `npm run` (unless that is another package manager), else `npm` on PATH.
 */
export function npmCli(): string {
	if (found) return found;
	const fromNpmRun = process.env.npm_execpath;
	const candidates = [
		...(fromNpmRun && /npm-cli\.js$/.test(fromNpmRun) ? [fromNpmRun] : []),
		...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'npm')).filter(executable),
	];
	for (const candidate of candidates) {
		found = npmCliOf(candidate);
		if (found) return found;
	}
	fail(
		`test:n8n runs npm's npm-cli.js under Node 24 and found none (npm_execpath: ${fromNpmRun ?? 'unset'}; ` +
			`npm on PATH: ${candidates.join(', ') || 'none'}). Install npm 9 or newer (it comes with Node 20) and run \`npm run test:n8n\`.`,
	);
}

/** node-gyp as npm bundles it, to build sqlite3 against Node 24's headers. */
export function nodeGyp(): string {
	const path = join(dirname(npmCli()), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
	if (!existsSync(path)) fail(`npm at ${npmCli()} bundles no node-gyp (${path}): test:n8n needs it to build sqlite3 for Node 24`);
	return path;
}
