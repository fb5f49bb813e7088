import type { ICredentialType, INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { VendorEntry } from './registry';

/**
 * What the completeness check reads about the repository, as data: the test builds it from the files (TypeScript
 * sources loaded as the harness loads them), and feeds it deliberately broken copies to prove each check can fail.
 */
export interface PackageSources {
	/** Whether a file exists, by repository-relative path. */
	exists(path: string): boolean;
	/** The parsed JSON file, or undefined when absent. */
	json(path: string): Record<string, unknown> | undefined;
	readme: string;
	/** The node or credential class a dist path names, instantiated from its TypeScript source. */
	node(dist: string): INodeType;
	credential(dist: string): ICredentialType;
	/** The `name`s of the VendorModules that sandbox/vendors/<module>/index.ts exports; undefined when it is absent. */
	sandboxModule(module: string): string[] | undefined;
}

/** The n8n package name that prefixes our node types (`n8n-nodes-secops.okta`). */
const PACKAGE = 'n8n-nodes-secops';

/** `dist/nodes/Okta/Okta.node.js` → `nodes/Okta/Okta.node.ts`. */
export function sourceOf(dist: string): string {
	return dist.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

/** `file:../../icons/okta.svg` seen from `nodes/Okta/Okta.node.ts` → `icons/okta.svg`. */
function iconPath(fromSource: string, icon: unknown): string | undefined {
	if (typeof icon !== 'string' || !icon.startsWith('file:')) return undefined;
	const parts = fromSource.split('/').slice(0, -1);
	for (const segment of icon.slice('file:'.length).split('/')) {
		if (segment === '..') parts.pop();
		else if (segment !== '.') parts.push(segment);
	}
	return parts.join('/');
}

/** The first cell of every row of README's node table (the table under "## Nodes and operations"). */
function readmeNodeNames(readme: string): Set<string> {
	const section = readme.split(/^## /m).find((part) => part.startsWith('Nodes and operations')) ?? '';
	const table = section.split('\n\n').find((block) => block.trimStart().startsWith('| Node')) ?? '';
	return new Set(table.split('\n').filter((line) => line.startsWith('|')).map((line) => line.split('|')[1].trim()));
}

const EFFECT = /^(Reads|Contains|Contains \(destructive\)|Restores|Changes): \S/;
const REVERSE = /Reverse: (.+)$/;

/**
 * The effect statement of one operation option: `<Effect>: …`; containing and restoring ones (and changing ones that
 * name a reverse) end with `Reverse: <an operation of the same resource>…` or `Reverse: none (<why>)`.
 */
export function effectProblem(option: INodePropertyOptions, siblings: string[]): string | undefined {
	const description = String(option.description ?? '');
	const effect = EFFECT.exec(description)?.[1];
	if (!effect) return 'has no effect statement (its description must start with Reads:, Contains:, Contains (destructive):, Restores: or Changes:)';
	const reverse = REVERSE.exec(description)?.[1];
	if (reverse === undefined) {
		return effect.startsWith('Contains') || effect === 'Restores' ? `is "${effect}" but names no reverse ("Reverse: <operation>" or "Reverse: none (why)")` : undefined;
	}
	if (/^none\b/.test(reverse)) return /^none\W+\w/.test(reverse) ? undefined : `says "Reverse: ${reverse}" without a reason`;
	const named = siblings.some((name) => reverse === name || new RegExp(`^${escapeRegExp(name)}[\\s.,;:(]`).test(reverse));
	return named ? undefined : `names reverse "${reverse}", which is no operation of its resource (${siblings.join(', ')})`;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a boolean `dryRun` parameter is shown when the node is set to this resource and operation. */
function showsDryRun(description: INodeTypeDescription, resource: string | undefined, operation: string): boolean {
	const version = Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version;
	const node = { typeVersion: version };
	const chosen = { ...(resource === undefined ? {} : { resource }), operation };
	const values = NodeHelpers.getNodeParameters(description.properties, chosen, true, false, node, description) ?? chosen;
	return description.properties.some(
		(p) => p.name === 'dryRun' && p.type === 'boolean' && NodeHelpers.displayParameter(values, p, node, description),
	);
}

function operationProblems(description: INodeTypeDescription): string[] {
	const problems: string[] = [];
	const selectors = description.properties.filter((p): p is INodeProperties & { options: INodePropertyOptions[] } => p.name === 'operation' && p.type === 'options');
	if (selectors.length === 0) problems.push('has no Operation parameter');
	for (const selector of selectors) {
		const resources = (selector.displayOptions?.show?.resource as string[] | undefined) ?? [undefined];
		const siblings = selector.options.map((o) => o.name);
		for (const option of selector.options) {
			const label = `operation "${option.name}"${resources[0] === undefined ? '' : ` of ${resources.join('/')}`}`;
			const effect = effectProblem(option, siblings);
			if (effect) problems.push(`${label} ${effect}`);
			const contains = String(option.description ?? '').startsWith('Contains');
			const missing = resources.filter((resource) => !showsDryRun(description, resource, String(option.value)));
			if (contains && missing.length) problems.push(`${label} contains but shows no Dry Run parameter (dryRun)`);
		}
	}
	return problems;
}

function nodeProblems(vendor: VendorEntry, dist: string, kind: 'action' | 'trigger', sources: PackageSources): string[] {
	const source = sourceOf(dist);
	if (!sources.exists(source)) return [`${kind} node ${dist}: source ${source} does not exist`];
	const node = sources.node(dist);
	const { description } = node;
	const name = `${kind} node "${description.displayName}"`;
	const problems: string[] = [];
	const codexPath = source.replace(/\.ts$/, '.json');
	const codex = sources.json(codexPath);
	if (!codex) problems.push(`${name}: codex ${codexPath} does not exist`);
	else if (codex.node !== `${PACKAGE}.${description.name}`) problems.push(`${name}: codex ${codexPath} names node "${String(codex.node)}", not "${PACKAGE}.${description.name}"`);
	const icon = description.icon as { light?: string; dark?: string } | undefined;
	for (const shade of ['light', 'dark'] as const) {
		const referenced = iconPath(source, icon?.[shade]);
		if (referenced !== vendor.icons[shade]) problems.push(`${name}: ${shade} icon is ${referenced ?? 'not set'}, not ${vendor.icons[shade]}`);
	}
	if (!readmeNodeNames(sources.readme).has(description.displayName)) problems.push(`${name}: no row in README's node table`);
	const isTrigger = description.group.includes('trigger');
	if (isTrigger !== (kind === 'trigger')) problems.push(`${name}: its group is ${description.group.join(', ')}, but the registry lists it as ${kind === 'action' ? 'an action node' : 'a trigger'}`);
	if (kind === 'action') {
		if (description.usableAsTool !== true) problems.push(`${name}: usableAsTool is not true`);
		problems.push(...operationProblems(description).map((p) => `${name}: ${p}`));
	}
	const declared = new Set(vendor.credentials.map((c) => c.type));
	for (const credential of description.credentials ?? []) {
		if (!declared.has(credential.name)) problems.push(`${name}: uses credential ${credential.name}, which the registry does not declare for ${vendor.displayName}`);
	}
	return problems;
}

function credentialProblems(vendor: VendorEntry, sources: PackageSources): string[] {
	const problems: string[] = [];
	const nodes = [...vendor.nodes, ...vendor.triggers].filter((dist) => sources.exists(sourceOf(dist))).map((dist) => sources.node(dist));
	for (const entry of vendor.credentials) {
		const source = sourceOf(entry.dist);
		if (!sources.exists(source)) {
			problems.push(`credential ${entry.type}: source ${source} does not exist`);
			continue;
		}
		const type = sources.credential(entry.dist);
		const name = `credential ${entry.type}`;
		if (type.name !== entry.type) problems.push(`${name}: ${source} declares type "${type.name}"`);
		const icon = type.icon as { light?: string; dark?: string } | undefined;
		for (const shade of ['light', 'dark'] as const) {
			const referenced = iconPath(source, icon?.[shade]);
			if (referenced !== vendor.icons[shade]) problems.push(`${name}: ${shade} icon is ${referenced ?? 'not set'}, not ${vendor.icons[shade]}`);
		}
		const testedBy = nodes.some((node) => {
			const by = node.description.credentials?.find((c) => c.name === entry.type)?.testedBy;
			return typeof by === 'string' && typeof node.methods?.credentialTest?.[by] === 'function';
		});
		if (!type.test?.request && !testedBy) problems.push(`${name}: has no test request (and no node tests it with testedBy)`);
	}
	return problems;
}

/** Everything a vendor lacks, each as "<Vendor>: <part>"; empty when the vendor is complete. */
export function vendorProblems(vendor: VendorEntry, sources: PackageSources): string[] {
	const problems: string[] = [];
	if (!sources.exists(vendor.docs)) problems.push(`docs page ${vendor.docs} does not exist`);
	for (const shade of ['light', 'dark'] as const) {
		if (!sources.exists(vendor.icons[shade])) problems.push(`${shade} icon ${vendor.icons[shade]} does not exist`);
	}
	if (vendor.nodes.length === 0) problems.push('declares no action node');
	for (const dist of vendor.nodes) problems.push(...nodeProblems(vendor, dist, 'action', sources));
	for (const dist of vendor.triggers) problems.push(...nodeProblems(vendor, dist, 'trigger', sources));
	if (vendor.credentials.length === 0) problems.push('declares no credential');
	problems.push(...credentialProblems(vendor, sources));
	const modules = sources.sandboxModule(vendor.sandbox.module);
	if (!modules) problems.push(`sandbox module sandbox/vendors/${vendor.sandbox.module}/index.ts does not exist`);
	else if (!modules.includes(vendor.sandbox.prefix)) problems.push(`sandbox module ${vendor.sandbox.module} serves ${modules.join(', ') || 'nothing'}, not "${vendor.sandbox.prefix}"`);
	return problems.map((problem) => `${vendor.displayName}: ${problem}`);
}
