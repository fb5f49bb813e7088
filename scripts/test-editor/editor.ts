/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';

import type { Locator, Page } from 'playwright-core';
import { selectors } from 'playwright-core';

import { ROOT } from '../test-n8n/config';
import { fail } from '../test-n8n/log';
import { OWNER } from '../test-n8n/n8n';
import type { ConsoleWatch } from './browser';

// n8n's editor marks its elements with data-test-id (not Playwright's default data-testid).
selectors.setTestIdAttribute('data-test-id');

/** Screenshots the docs use (docs/images/editor), and where a failed check leaves its screenshot. */
export const IMAGES_DIR = join(ROOT, 'docs', 'images', 'editor');
export const FAILURES_DIR = process.env.EDITOR_FAILURES_DIR ?? join(ROOT, 'test-editor-failures');

/** How long one UI reaction may take on a loaded 2-core machine. */
export const UI_TIMEOUT_MS = 20_000;

/**
 * Deliberate breakage that must make the run fail (`EDITOR_SELF_CHECK=console,picker,credential`, any of them; see
 * docs/real-n8n.md, "Proving the checks can fail"), each with what its failure says.
 */
export const SELF_CHECKS = {
	console: 'EDITOR_SELF_CHECK: a deliberate console error',
	picker: 'shows no entries from the sandbox',
	credential: "n8n's test failed",
} as const;
export type SelfCheck = keyof typeof SELF_CHECKS;

export function requestedSelfChecks(): SelfCheck[] {
	const requested = (process.env.EDITOR_SELF_CHECK ?? '').split(',').map((name) => name.trim()).filter(Boolean);
	const unknown = requested.filter((name) => !(name in SELF_CHECKS));
	if (unknown.length) fail(`EDITOR_SELF_CHECK=${unknown.join(',')}: expected any of ${Object.keys(SELF_CHECKS).join(', ')}`);
	return requested as SelfCheck[];
}

export function breaks(what: SelfCheck): boolean {
	return (process.env.EDITOR_SELF_CHECK ?? '').split(',').some((name) => name.trim() === what);
}

/** A problem found in the editor: what the run was doing, what it saw, and its screenshot. */
export class Findings {
	readonly problems: string[] = [];

	constructor(
		private readonly page: Page,
		private readonly watch: ConsoleWatch,
	) {}

	/** Runs one check; any console error it caused, or the error it threw, becomes a finding with a screenshot. */
	async check(where: string, work: () => Promise<void>): Promise<boolean> {
		this.watch.where = where;
		const mark = this.watch.problems.length;
		let thrown: string | undefined;
		try {
			await work();
		} catch (error) {
			thrown = (error as Error).message.split('\n')[0];
		}
		const logged = this.watch.since(mark).map((p) => `console error: ${p.text}`);
		const found = [...(thrown ? [thrown] : []), ...logged];
		if (found.length === 0) return true;
		mkdirSync(FAILURES_DIR, { recursive: true });
		const shot = join(FAILURES_DIR, `${where.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
		await this.page.screenshot({ path: shot }).catch(() => undefined);
		this.problems.push(`${where}: ${found.join('; ')} (screenshot ${shot})`);
		return false;
	}
}

export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('#emailOrLdapLoginId').fill(OWNER.email);
	await page.locator('#password').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/(home|workflows)/, { timeout: UI_TIMEOUT_MS * 2 });
}

/** The dropdown list n8n's element-plus select opens (one at a time). */
export function openListbox(page: Page): Locator {
	return page.locator('.el-select-dropdown__list[role=listbox]:visible');
}

/** Picks `label` in the options dropdown `input` opens, checking first that the list offers every `expected` label. */
export async function choose(page: Page, input: Locator, label: string, expected: string[] = []): Promise<void> {
	await input.click();
	const list = openListbox(page);
	await list.waitFor({ timeout: UI_TIMEOUT_MS });
	const offered = (await list.locator('[role=option] .option-headline').allInnerTexts()).map((text) => text.trim());
	const absent = expected.filter((name) => !offered.includes(name));
	if (absent.length) fail(`the dropdown lacks ${absent.map((a) => `"${a}"`).join(', ')} (it offers ${offered.join(', ')})`);
	await list.locator('[role=option]').filter({ has: page.locator('.option-headline', { hasText: exactly(label) }) }).first().click();
	await list.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
	await until(async () => (await shownValue(input)) === label, async () => `picked "${label}", the dropdown shows "${await shownValue(input)}"`);
}

/** The label an options dropdown shows (while the panel re-renders, for a moment its raw value). */
export async function shownValue(input: Locator): Promise<string> {
	return await input.locator('input').first().inputValue();
}

/** Polls until `done` (the panel re-renders after each change), else fails with `why`. */
export async function until(done: () => Promise<boolean>, why: () => Promise<string>, timeoutMs = UI_TIMEOUT_MS / 4): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await done().catch(() => false))) {
		if (Date.now() > deadline) fail(await why());
		await delay(100);
	}
}

export function exactly(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
