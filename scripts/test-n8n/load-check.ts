/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { LoadedType } from './n8n';
import type { Declared } from './package';

/** Loader messages n8n prints when a package, node or credential fails to load (n8n and n8n-core 2.41 sources). */
const LOADER_TROUBLE = [
	/Failed to load package/i,
	/Skipping package/i,
	/Unknown credential name/i,
	/is already registered/i,
	/Unrecognized (node|credential) type/i,
	/Failed to load Custom API options/i,
	/Icon path .* is not contained/i,
];

/** Icon URLs n8n serves as `icons/<package>/<path inside the package>`: the file must exist in the install. */
function missingIcons(type: LoadedType, packageName: string, installedDir: string): string[] {
	const urls = typeof type.iconUrl === 'string' ? [type.iconUrl] : type.iconUrl ? [type.iconUrl.light, type.iconUrl.dark] : [];
	if (urls.length === 0) return ['no icon'];
	return urls
		.map((url) => url.replace(`icons/${packageName}/`, ''))
		.filter((path) => !existsSync(join(installedDir, path)))
		.map((path) => `icon ${path} is not in the installed package`);
}

/** Everything package.json declares must be what n8n loaded, with nothing the loader complained about. */
export function loadProblems(
	declared: Declared,
	loaded: { nodes: LoadedType[]; credentials: LoadedType[] },
	logs: string,
	packageName: string,
	installedDir: string,
): string[] {
	const problems: string[] = [];
	const credentialNames = new Set(loaded.credentials.map((type) => type.name));
	for (const node of declared.nodes) {
		const type = loaded.nodes.find((candidate) => candidate.name === node.type);
		if (!type) {
			problems.push(`node type ${node.type} (${node.file}) was not loaded by n8n`);
			continue;
		}
		for (const issue of missingIcons(type, packageName, installedDir)) problems.push(`node type ${node.type}: ${issue}`);
		if (!type.codex) problems.push(`node type ${node.type}: n8n found no codex (${node.file.replace(/\.js$/, '.json')})`);
		for (const credential of node.credentials) {
			if (!credentialNames.has(credential)) problems.push(`node type ${node.type} uses credential type "${credential}", which n8n did not load`);
		}
	}
	for (const credential of declared.credentials) {
		const matches = loaded.credentials.filter((type) => type.name === credential.name);
		if (matches.length === 0) problems.push(`credential type ${credential.name} (${credential.file}) was not loaded by n8n`);
		if (matches.length > 1) problems.push(`credential type name ${credential.name} is not unique in n8n: ${matches.length} types share it`);
		for (const type of matches.slice(0, 1)) {
			for (const issue of missingIcons(type, packageName, installedDir)) problems.push(`credential type ${credential.name}: ${issue}`);
		}
	}
	for (const line of logs.split('\n')) {
		if (LOADER_TROUBLE.some((pattern) => pattern.test(line)) || (line.includes(packageName) && /warn|error|fail/i.test(line))) {
			problems.push(`n8n logged: ${line.trim()}`);
		}
	}
	return problems;
}
