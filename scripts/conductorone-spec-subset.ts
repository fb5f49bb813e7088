/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only script: runs in plain Node, reads the vendor spec from the workspace */
/**
 * Extracts, from ConductorOne's OpenAPI spec, the operations this package calls (path, method, operationId, query
 * parameter names, JSON body property names) into `test/conductorone/conductorone-spec-subset.json`, so the
 * conformance test can run from a clone that lacks the 1 MB spec.
 * Run: `npx tsx scripts/conductorone-spec-subset.ts [path/to/conductorone.openapi.yaml]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const SPEC = process.argv[2] ?? join(ROOT, '..', 'shared', 'specs', 'conductorone.openapi.yaml');
const OUT = join(ROOT, 'test', 'conductorone', 'conductorone-spec-subset.json');

/** Every path + method the ConductorOne node and credential test call. */
const USED: Array<[string, string[]]> = [
	['/api/v1/auth/introspect', ['get']],
	['/api/v1/users/{id}', ['get']],
	['/api/v1/search/users', ['post']],
	['/api/v1/apps', ['get']],
	['/api/v1/apps/{id}', ['get']],
	['/api/v1/apps/{app_id}/entitlements', ['get']],
	['/api/v1/search/entitlements', ['post']],
	['/api/v1/search/app_users', ['post']],
	['/api/v1/search/grants', ['post']],
	['/api/v1/task/grant', ['post']],
	['/api/v1/task/revoke', ['post']],
	['/api/v1/task/offboarding', ['post']],
	['/api/v1/tasks/{id}', ['get']],
	['/api/v1/search/tasks', ['post']],
	['/api/v1/tasks/{task_id}/action/approve', ['post']],
	['/api/v1/tasks/{task_id}/action/deny', ['post']],
	['/api/v1/tasks/{task_id}/action/comment', ['post']],
	['/api/v1/apps/{app_id}/connectors', ['get']],
	['/api/v1/apps/{app_id}/connectors/{connector_id}/force_sync', ['post']],
];

interface Parameter {
	name?: string;
	in?: string;
	required?: boolean;
}
interface Schema {
	$ref?: string;
	properties?: Record<string, unknown>;
}
interface Operation {
	operationId?: string;
	parameters?: Parameter[];
	requestBody?: { content?: Record<string, { schema?: Schema }> };
}
type Spec = { info: { version: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const spec = parse(readFileSync(SPEC, 'utf8'), { maxAliasCount: -1 }) as Spec;
const resolve = (schema: Schema | undefined): Schema | undefined =>
	schema?.$ref ? spec.components.schemas[schema.$ref.split('/').pop() as string] : schema;

const operations = USED.flatMap(([path, methods]) => {
	const item = spec.paths[path];
	if (!item) throw new Error(`The spec has no path ${path}`);
	return methods.map((method) => {
		const operation = item[method];
		if (!operation) throw new Error(`The spec has no ${method.toUpperCase()} ${path}`);
		const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
		const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
		return {
			method: method.toUpperCase(),
			path,
			operationId: operation.operationId,
			query: query.map((p) => p.name).sort(),
			requiredQuery: query.filter((p) => p.required).map((p) => p.name).sort(),
			body: body ? Object.keys(body.properties ?? {}).sort() : null,
		};
	});
});

writeFileSync(OUT, `${JSON.stringify({ source: `conductorone.openapi.yaml ${spec.info.version}`, operations }, null, '\t')}\n`);
process.stdout.write(`${operations.length} operations written to ${OUT}\n`);
