/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test harness runs in plain Node */
import { join } from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import packageJson from '../../package.json';

/** The prefix n8n gives node types of an installed community package: workflows reference `n8n-nodes-secops.<name>`. */
export const PACKAGE_NAME = packageJson.name;

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');

/** `dist/nodes/X/X.node.js` → the TypeScript source, so tests exercise exactly what package.json registers. */
export function loadRegistered<T>(distPath: string): T {
	const source = join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(source) as Record<string, new () => T>;
	const exported = Object.values(module).find((value) => typeof value === 'function');
	if (!exported) throw new Error(`${source} exports no class`);
	return new exported();
}

let nodes: Map<string, INodeType | IVersionedNodeType> | undefined;
let credentials: Map<string, ICredentialType> | undefined;

/** Every node the package registers, keyed by its full type (`n8n-nodes-secops.okta`). */
export function registeredNodes(): Map<string, INodeType | IVersionedNodeType> {
	nodes ??= new Map(
		packageJson.n8n.nodes.map((path) => {
			const node = loadRegistered<INodeType | IVersionedNodeType>(path);
			return [`${PACKAGE_NAME}.${node.description.name}`, node];
		}),
	);
	return nodes;
}

const baseNodes = new Map<string, INodeType | IVersionedNodeType>();

/**
 * A node n8n itself ships (`n8n-nodes-base.switch`, `.if`, `.manualTrigger`, `.stickyNote`…), loaded from the real
 * n8n-nodes-base package so templates run with the same logic nodes users have.
 */
export function baseNode(type: string): INodeType | IVersionedNodeType | undefined {
	const [prefix, name] = type.split('.');
	if (prefix !== 'n8n-nodes-base' || !name) return undefined;
	if (!baseNodes.has(type)) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const basePackage = require('n8n-nodes-base/package.json') as { n8n: { nodes: string[] } };
		const file = basePackage.n8n.nodes.find((path) => path.toLowerCase().endsWith(`/${name.toLowerCase()}.node.js`));
		if (!file) return undefined;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(`n8n-nodes-base/${file}`) as Record<string, new () => INodeType | IVersionedNodeType>;
		const exported = Object.values(module).find((value) => typeof value === 'function');
		if (!exported) return undefined;
		baseNodes.set(type, new exported());
	}
	return baseNodes.get(type);
}

/** Every credential type the package registers, keyed by its name. */
export function registeredCredentials(): Map<string, ICredentialType> {
	credentials ??= new Map(
		packageJson.n8n.credentials.map((path) => {
			const credential = loadRegistered<ICredentialType>(path);
			return [credential.name, credential];
		}),
	);
	return credentials;
}
