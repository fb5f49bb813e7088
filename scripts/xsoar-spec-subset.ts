/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only script: runs in plain Node, reads the vendor spec from the workspace */
/**
 * Extracts, from the XSOAR server API swagger (demisto-py's `server_api_swagger.json`), the operations this package
 * calls (path, method, operationId, and the property names its JSON body may carry, nested objects included) into
 * `test/xsoar/xsoar-spec-subset.json`, so the conformance test runs from a clone that lacks the spec.
 * Run: `npx tsx scripts/xsoar-spec-subset.ts [path/to/xsoar-server-api.swagger.json]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const ROOT = join(__dirname, '..');
const SPEC = process.argv[2] ?? join(ROOT, '..', 'shared', 'specs', 'xsoar-server-api.swagger.json');
const OUT = join(ROOT, 'test', 'xsoar', 'xsoar-spec-subset.json');

/** Every path + method the XSOAR node, trigger and credential test call that the swagger describes. */
const USED: Array<[string, string]> = [
	['/incident', 'post'],
	['/incidents/search', 'post'],
	['/entry', 'post'],
	['/incident/batchClose', 'post'],
];

interface Schema {
	$ref?: string;
	type?: string;
	properties?: Record<string, Schema>;
	items?: Schema;
}
type Spec = {
	info: { title: string; version: string };
	paths: Record<string, Record<string, { operationId?: string; parameters?: Array<{ in?: string; schema?: Schema }> }>>;
	definitions: Record<string, Schema>;
};

const spec = JSON.parse(readFileSync(SPEC, 'utf8')) as Spec;
const resolve = (schema: Schema | undefined): Schema | undefined =>
	schema?.$ref ? spec.definitions[schema.$ref.split('/').pop() as string] : schema;

/** `{"": [top-level names], "filter": [...], "filter.sort[]": [...]}`: property names at each object path. */
function shape(schema: Schema | undefined, at = '', out: Record<string, string[]> = {}, depth = 0): Record<string, string[]> {
	const object = resolve(schema);
	if (!object?.properties || depth > 2) return out;
	out[at] = Object.keys(object.properties).sort();
	for (const [name, property] of Object.entries(object.properties)) {
		const path = at ? `${at}.${name}` : name;
		const resolved = resolve(property);
		if (resolved?.type === 'array' || property.type === 'array') shape((resolved ?? property).items, `${path}[]`, out, depth + 1);
		else shape(property, path, out, depth + 1);
	}
	return out;
}

const operations = USED.map(([path, method]) => {
	const operation = spec.paths[path]?.[method];
	if (!operation) throw new Error(`The spec has no ${method.toUpperCase()} ${path}`);
	const body = operation.parameters?.find((p) => p.in === 'body');
	return { method: method.toUpperCase(), path, operationId: operation.operationId, body: shape(body?.schema) };
});

writeFileSync(OUT, `${JSON.stringify({ source: `${spec.info.title} ${spec.info.version} (xsoar-server-api.swagger.json)`, operations }, null, '\t')}\n`);
process.stdout.write(`${operations.length} operations written to ${OUT}\n`);
