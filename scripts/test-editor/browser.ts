/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { existsSync } from 'node:fs';
import process from 'node:process';

import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { fail } from '../test-n8n/log';
import { aptInstall } from '../test-n8n/proc';

/** Debian's `chromium` package: the browser CI machines install from the OS, not a downloaded build. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The system Chromium, installed with apt-get when absent and we are root (a fresh CI machine). */
export async function ensureChromium(): Promise<string> {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	await aptInstall(['chromium'], `no Chromium at ${CHROMIUM} (or set CHROMIUM_PATH)`, { withRecommends: true });
	if (!existsSync(CHROMIUM)) fail(`apt-get installed chromium, but there is still no ${CHROMIUM}`);
	return CHROMIUM;
}

export async function launch(): Promise<Browser> {
	return await chromium.launch({ executablePath: await ensureChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * Console errors n8n's editor logs that are not about our nodes. Each entry says why it may be ignored; anything else
 * fails the run.
 */
const KNOWN_NOISE: Array<{ pattern: RegExp; reason: string }> = [
	{
		pattern: /^Failed to load resource: .*\(https:\/\/registry\.npmjs\.org\/n8n-nodes-secops[:/]/,
		reason:
			"the node creator asks the npm registry about an installed community package (its latest version); this run is " +
			'offline or the version is not published, and the editor shows the node either way',
	},
	{
		pattern: /^Failed to load resource: the server responded with a status of 404 \(Not Found\) \(https?:\/\/[^/]+\/schemas\/n8n-nodes-secops\.\w+\/[\d.]+(\/\w+){0,2}\.json:/,
		reason:
			"a node added from the node creator gets its output-schema preview from /schemas/<type>/<version>.json, which n8n " +
			"serves from a package's __schema__ folder; the package ships none yet, so n8n answers 404 and shows no preview",
	},
];

export interface ConsoleProblem {
	where: string;
	text: string;
}

/** Collects every console error and uncaught page error, tagged with what the run was doing at the time. */
export class ConsoleWatch {
	readonly problems: ConsoleProblem[] = [];
	where = 'start';

	constructor(page: Page) {
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() !== 'error') return;
			const location = message.location();
			this.record(`${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`);
		});
		page.on('pageerror', (error: Error) => this.record(`uncaught: ${error.stack ?? error.message}`));
	}

	record(text: string): void {
		if (KNOWN_NOISE.some((noise) => noise.pattern.test(text))) return;
		this.problems.push({ where: this.where, text });
	}

	/** The errors logged since `mark` (an index into problems). */
	since(mark: number): ConsoleProblem[] {
		return this.problems.slice(mark);
	}
}
