/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './config';
import { fail } from './log';

/**
 * The first ```bash block under README's heading `heading` (e.g. `## Install into n8n`), as a user copies it: the
 * runner executes README's own commands, so what README tells users is what this run proves.
 */
export function readmeCommands(heading: string): string {
	const level = heading.split(' ')[0].length;
	const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
	let inFence = false;
	let inSection = false;
	let block: string[] | undefined;
	for (const line of lines) {
		if (block && line.trim() === '```') return block.join('\n');
		if (block) block.push(line);
		else if (inSection && line.trim() === '```bash') block = [];
		if (line.startsWith('```')) inFence = !inFence;
		const headingLevel = /^(#+) /.exec(line)?.[1].length;
		if (!inFence && headingLevel !== undefined) {
			if (line.trim() === heading) inSection = true;
			else if (inSection && headingLevel <= level) break;
		}
	}
	fail(`README.md has no \`\`\`bash block under "${heading}" (this run executes README's commands)`);
}
