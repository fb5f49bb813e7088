/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only script: runs in plain Node, reads the vendor spec from the workspace */
/**
 * Extracts, from Okta's management OpenAPI spec, the operations this package calls (path, method, operationId,
 * query parameter names) into `test/okta/okta-spec-subset.json`, so the conformance test can run from a clone
 * that lacks the 3.5 MB spec. Run: `npx tsx scripts/okta-spec-subset.ts [path/to/okta-management.yaml]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const SPEC = process.argv[2] ?? join(ROOT, '..', 'shared', 'specs', 'okta-management.yaml');
const OUT = join(ROOT, 'test', 'okta', 'okta-spec-subset.json');

/** Every path + method the Okta nodes, triggers and credential test call. */
const USED: Array<[string, string[]]> = [
	['/api/v1/users', ['get']],
	['/api/v1/users/{id}', ['get']],
	['/api/v1/users/{id}/groups', ['get']],
	['/api/v1/users/{id}/lifecycle/activate', ['post']],
	['/api/v1/users/{id}/lifecycle/deactivate', ['post']],
	['/api/v1/users/{id}/lifecycle/suspend', ['post']],
	['/api/v1/users/{id}/lifecycle/unsuspend', ['post']],
	['/api/v1/users/{id}/lifecycle/unlock', ['post']],
	['/api/v1/users/{id}/lifecycle/reset_password', ['post']],
	['/api/v1/users/{id}/lifecycle/expire_password', ['post']],
	['/api/v1/users/{id}/lifecycle/expire_password_with_temp_password', ['post']],
	['/api/v1/users/{id}/lifecycle/reset_factors', ['post']],
	['/api/v1/users/{userId}/sessions', ['delete']],
	['/api/v1/groups', ['get']],
	['/api/v1/groups/{groupId}', ['get']],
	['/api/v1/groups/{groupId}/users', ['get']],
	['/api/v1/groups/{groupId}/users/{userId}', ['put', 'delete']],
	['/api/v1/logs', ['get']],
	['/api/v1/eventHooks', ['get', 'post']],
	['/api/v1/eventHooks/{eventHookId}', ['get', 'delete']],
	['/api/v1/eventHooks/{eventHookId}/lifecycle/activate', ['post']],
	['/api/v1/eventHooks/{eventHookId}/lifecycle/deactivate', ['post']],
	['/api/v1/eventHooks/{eventHookId}/lifecycle/verify', ['post']],
];

interface Parameter {
	$ref?: string;
	name?: string;
	in?: string;
	required?: boolean;
}
type Spec = {
	info: { version: string };
	paths: Record<string, Record<string, { operationId?: string; parameters?: Parameter[] } & { parameters?: Parameter[] }>>;
	components: { parameters: Record<string, Parameter> };
};

const spec = parse(readFileSync(SPEC, 'utf8'), { maxAliasCount: -1 }) as Spec;
const resolve = (p: Parameter): Parameter => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop() as string] : p);

const operations = USED.flatMap(([path, methods]) => {
	const item = spec.paths[path];
	if (!item) throw new Error(`The spec has no path ${path}`);
	return methods.map((method) => {
		const operation = item[method];
		if (!operation) throw new Error(`The spec has no ${method.toUpperCase()} ${path}`);
		const parameters = [...((item.parameters as Parameter[] | undefined) ?? []), ...(operation.parameters ?? [])].map(resolve);
		const query = parameters.filter((p) => p.in === 'query');
		return {
			method: method.toUpperCase(),
			path,
			operationId: operation.operationId,
			query: query.map((p) => p.name).sort(),
			requiredQuery: query.filter((p) => p.required).map((p) => p.name).sort(),
		};
	});
});

writeFileSync(OUT, `${JSON.stringify({ source: `okta-management.yaml ${spec.info.version}`, operations }, null, '\t')}\n`);
process.stdout.write(`${operations.length} operations written to ${OUT}\n`);
