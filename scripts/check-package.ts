/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only release check, runs in plain Node */
import { readFileSync } from 'node:fs';
import process from 'node:process';

import packageJson from '../package.json';

/**
 * What `npm pack` would publish: only compiled nodes, credentials, icons and the templates; no sources, tests or
 * sandbox; no runtime dependencies; every registered file present. Run after `npm run build`, fed the listing:
 * `npm pack --dry-run --json | npx tsx scripts/check-package.ts`.
 */
const problems: string[] = [];
const pack = JSON.parse(readFileSync(0, 'utf8')) as Array<{
	files: Array<{ path: string }>;
}>;
const files = pack[0].files.map((f) => f.path);

for (const file of files) {
	const allowed = /^(dist\/|workflows\/[^/]+\.json$|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(file);
	const source = /\.ts$/.test(file) && !file.endsWith('.d.ts');
	if (!allowed || source || /(^|\/)(test|sandbox|scripts)\//.test(file)) problems.push(`publishes ${file}`);
}
for (const registered of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
	if (!files.includes(registered)) problems.push(`registers ${registered}, which is not in the tarball (build first)`);
}
const dependencies = (packageJson as { dependencies?: Record<string, string> }).dependencies ?? {};
if (Object.keys(dependencies).length) problems.push(`has runtime dependencies: ${Object.keys(dependencies).join(', ')}`);

if (problems.length) {
	process.stderr.write(`The npm package is not publishable:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
	process.exit(1);
}
process.stdout.write(`npm package OK: ${files.length} files, no sources, tests or sandbox, no runtime dependencies\n`);
