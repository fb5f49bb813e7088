/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test: reads the repository with Node's fs */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import packageJson from '../package.json';
import { Sandbox } from '../sandbox';
import { vendors as sandboxVendors } from '../sandbox/vendors';
import type { PackageSources } from '../vendors/completeness';
import { effectProblem, vendorProblems } from '../vendors/completeness';
import { VENDORS } from '../vendors/registry';
import type { VendorEntry } from '../vendors/registry';
import { CREDENTIAL_TYPE_BY_VENDOR, ROOT, loadRegistered, sandboxCredentials } from './harness';

/** The repository as it is: files, README, and node and credential classes loaded from their TypeScript sources. */
const repository: PackageSources = {
	exists: (path) => existsSync(join(ROOT, path)),
	json: (path) => (existsSync(join(ROOT, path)) ? (JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>) : undefined),
	readme: readFileSync(join(ROOT, 'README.md'), 'utf8'),
	node: (dist) => loadRegistered<INodeType>(dist),
	credential: (dist) => loadRegistered<ICredentialType>(dist),
	sandboxModule(module) {
		const path = join(ROOT, 'sandbox', 'vendors', module, 'index.ts');
		if (!existsSync(path)) return undefined;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = Object.values(require(path) as Record<string, unknown>);
		return exported.filter((value): value is { name: string } => typeof value === 'object' && value !== null && 'routes' in value && 'name' in value).map((m) => m.name);
	},
};

describe('every vendor is complete', () => {
	it.each(VENDORS.map((vendor) => [vendor.displayName, vendor] as const))('%s has every part', (_name, vendor) => {
		expect(vendorProblems(vendor, repository)).toEqual([]);
	});
});

describe('the registry is the one list of vendors', () => {
	const sorted = (list: string[]) => [...list].sort();

	it('package.json registers exactly the nodes, triggers and credentials the registry declares', () => {
		expect(sorted(packageJson.n8n.nodes)).toEqual(sorted(VENDORS.flatMap((v) => [...v.nodes, ...v.triggers])));
		expect(sorted(packageJson.n8n.credentials)).toEqual(sorted(VENDORS.flatMap((v) => v.credentials.map((c) => c.dist))));
	});

	it('the sandbox hosts exactly the registry vendors', () => {
		expect(sorted(sandboxVendors.map((m) => m.name))).toEqual(sorted(VENDORS.map((v) => v.sandbox.prefix)));
		const folders = readdirSync(join(ROOT, 'sandbox', 'vendors'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
		expect(sorted(folders)).toEqual(sorted(VENDORS.map((v) => v.sandbox.module)));
	});

	it('ids, sandbox prefixes and credential types are unique', () => {
		const unique = (list: string[]) => expect(new Set(list).size).toBe(list.length);
		unique(VENDORS.map((v) => v.id));
		unique(VENDORS.map((v) => v.sandbox.prefix));
		unique(VENDORS.flatMap((v) => v.credentials.map((c) => c.type)));
	});

	it("the harness's credentials come from the registry: every type, filled from the vendor's sandbox sample", () => {
		const sandbox = new Sandbox({ vendors: sandboxVendors });
		const store = sandboxCredentials(sandbox);
		expect(sorted(Object.keys(store))).toEqual(sorted(VENDORS.flatMap((v) => v.credentials.map((c) => c.type))));
		for (const vendor of VENDORS) {
			for (const credential of vendor.credentials) expect(store[credential.type]).toEqual(credential.sample(sandbox.credentials(vendor.sandbox.prefix)));
			expect(CREDENTIAL_TYPE_BY_VENDOR[vendor.sandbox.prefix]).toBe(vendor.credentials[0].type);
		}
	});

	it('stays dev-only: nothing in nodes/ or credentials/ imports vendors/, and the build does not include it', () => {
		const sources = ['nodes', 'credentials'].flatMap((dir) =>
			(readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, dir, f)),
		);
		expect(sources.length).toBeGreaterThan(10);
		expect(sources.filter((file) => /from '(\.\.\/)+vendors\//.test(readFileSync(file, 'utf8')))).toEqual([]);
		const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
		expect(build.include.filter((glob) => !/^(credentials|nodes)\//.test(glob))).toEqual([]);
	});
});

/** The checker on deliberately broken copies: it must name the vendor and exactly the part that is missing. */
describe('the checker reports what is missing', () => {
	const okta = VENDORS.find((v) => v.id === 'okta') as VendorEntry;
	const [oktaNode] = okta.nodes;
	/** The repository with a changed copy of the Okta node's description (descriptions share module-level objects). */
	const withNode = (change: (node: INodeType) => void): PackageSources => ({
		...repository,
		node: (dist) => {
			const node = repository.node(dist);
			if (dist !== oktaNode) return node;
			node.description = structuredClone(node.description);
			change(node);
			return node;
		},
	});
	const userOperations = (node: INodeType) => {
		const selector = node.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('user'));
		return selector?.options as Array<{ name: string; value: string; description?: string }>;
	};

	it('starts from a complete vendor', () => {
		expect(vendorProblems(okta, repository)).toEqual([]);
	});

	it('an icon file that does not exist', () => {
		const hidden: PackageSources = { ...repository, exists: (path) => path !== 'icons/okta.dark.svg' && repository.exists(path) };
		expect(vendorProblems(okta, hidden)).toEqual(['Okta: dark icon icons/okta.dark.svg does not exist']);
	});

	it('a registry entry pointing at an icon the nodes do not reference', () => {
		const moved = { ...okta, icons: { ...okta.icons, light: 'icons/okta-new.svg' } };
		const exists = (path: string) => path === 'icons/okta-new.svg' || repository.exists(path);
		expect(vendorProblems(moved, { ...repository, exists })).toEqual([
			'Okta: action node "Okta Security": light icon is icons/okta.svg, not icons/okta-new.svg',
			'Okta: trigger node "Okta Security Trigger": light icon is icons/okta.svg, not icons/okta-new.svg',
			'Okta: trigger node "Okta Security Event Hook Trigger": light icon is icons/okta.svg, not icons/okta-new.svg',
			'Okta: credential secOpsOktaApi: light icon is icons/okta.svg, not icons/okta-new.svg',
			'Okta: credential secOpsOktaOAuth2Api: light icon is icons/okta.svg, not icons/okta-new.svg',
			'Okta: credential secOpsOktaEventHookApi: light icon is icons/okta.svg, not icons/okta-new.svg',
		]);
	});

	it('a missing docs page, codex and sandbox module', () => {
		const gone = new Set(['docs/okta.md', 'nodes/Okta/Okta.node.json']);
		const sources: PackageSources = { ...repository, exists: (p) => !gone.has(p) && repository.exists(p), json: (p) => (gone.has(p) ? undefined : repository.json(p)), sandboxModule: () => undefined };
		expect(vendorProblems(okta, sources)).toEqual([
			'Okta: docs page docs/okta.md does not exist',
			'Okta: action node "Okta Security": codex nodes/Okta/Okta.node.json does not exist',
			'Okta: sandbox module sandbox/vendors/okta/index.ts does not exist',
		]);
	});

	it('a node missing from README, and not usable as a tool', () => {
		const sources = withNode((node) => {
			node.description.usableAsTool = undefined;
		});
		expect(vendorProblems(okta, { ...sources, readme: repository.readme.replace(/^\| Okta Security \|.*\n/gm, '') })).toEqual([
			'Okta: action node "Okta Security": no row in README\'s node table',
			'Okta: action node "Okta Security": usableAsTool is not true',
		]);
	});

	it('an operation without an effect statement', () => {
		const sources = withNode((node) => {
			const get = userOperations(node).find((o) => o.value === 'get');
			if (get) get.description = 'One user by ID or login';
		});
		expect(vendorProblems(okta, sources)).toEqual([
			'Okta: action node "Okta Security": operation "Get" of user has no effect statement (its description must start with Reads:, Contains:, Contains (destructive):, Restores: or Changes:)',
		]);
	});

	it('a containing operation without a reverse, and one without Dry Run', () => {
		const sources = withNode((node) => {
			const suspend = userOperations(node).find((o) => o.value === 'suspend');
			if (suspend) suspend.description = 'Contains: block sign-in.';
			node.description.properties = node.description.properties.filter((p) => !(p.name === 'dryRun' && p.displayOptions?.show?.operation?.includes('deactivate')));
		});
		expect(vendorProblems(okta, sources)).toEqual([
			'Okta: action node "Okta Security": operation "Deactivate" of user contains but shows no Dry Run parameter (dryRun)',
			'Okta: action node "Okta Security": operation "Suspend" of user is "Contains" but names no reverse ("Reverse: <operation>" or "Reverse: none (why)")',
		]);
	});

	it('a credential without a test request, and one the registry does not declare', () => {
		const sources: PackageSources = {
			...withNode((node) => {
				node.description.credentials = [...(node.description.credentials ?? []), { name: 'secOpsOktaLegacyApi', required: false }];
			}),
			credential: (dist) => {
				const type = repository.credential(dist);
				if (type.name === 'secOpsOktaApi') delete type.test;
				return type;
			},
		};
		expect(vendorProblems(okta, sources)).toEqual([
			'Okta: action node "Okta Security": uses credential secOpsOktaLegacyApi, which the registry does not declare for Okta',
			'Okta: credential secOpsOktaApi: has no test request (and no node tests it with testedBy)',
		]);
	});

	it('a node the registry lists as the wrong kind', () => {
		const swapped = { ...okta, nodes: [okta.triggers[0]], triggers: [oktaNode, okta.triggers[1]] };
		const problems = vendorProblems(swapped, repository);
		expect(problems).toContain('Okta: action node "Okta Security Trigger": its group is trigger, but the registry lists it as an action node');
		expect(problems).toContain('Okta: trigger node "Okta Security": its group is transform, but the registry lists it as a trigger');
	});

	describe('effect statements', () => {
		const siblings = ['Suspend', 'Unsuspend', 'Update'];
		const check = (description: string) => effectProblem({ name: 'X', value: 'x', description }, siblings);

		it.each([
			'Reads: one user. Changes nothing.',
			'Contains: block sign-in. Reverse: Unsuspend.',
			'Contains (destructive): deactivate. Reverse: none (app assignments are gone).',
			'Restores: let the user in. Reverse: Suspend.',
			'Changes: resolve the incident. Reverse: Update with another state.',
			'Changes: add a note.',
		])('accepts %s', (description) => expect(check(description)).toBeUndefined());

		it.each([
			['reads: lower case', 'has no effect statement'],
			['Deletes: a new verb', 'has no effect statement'],
			['Contains: no reverse.', 'names no reverse'],
			['Restores: no reverse.', 'names no reverse'],
			['Contains: x. Reverse: none.', 'without a reason'],
			['Contains: x. Reverse: Activate.', 'no operation of its resource'],
			['Contains: x. Reverse: Suspender.', 'no operation of its resource'],
		])('refuses %s', (description, problem) => expect(check(description)).toContain(problem));
	});
});
