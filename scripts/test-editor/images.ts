/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../test-n8n/config';
import { IMAGES_DIR } from './editor';

/**
 * Every editor screenshot README and docs/*.md show must be one this run saved, so the docs show the latest run
 * (a renamed node or template, or a picture nothing makes any more, is named here).
 */
export function imageProblems(saved: string[]): string[] {
	const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
	const problems: string[] = [];
	for (const page of pages) {
		for (const [, name] of readFileSync(join(ROOT, page), 'utf8').matchAll(/images\/editor\/([\w.-]+\.png)/g)) {
			if (!saved.includes(join(IMAGES_DIR, name))) problems.push(`${page} shows images/editor/${name}, which this run did not save`);
		}
	}
	return problems;
}
