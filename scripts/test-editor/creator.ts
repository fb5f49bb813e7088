import type { Page } from 'playwright-core';

import { detail, fail } from '../test-n8n/log';
import type { Findings } from './editor';
import { UI_TIMEOUT_MS, exactly } from './editor';
import type { EditorNodeType } from './setup';

/**
 * Types `displayName` into the open node creator's search and clicks the entry of that name (the trigger list names a
 * trigger without its " Trigger" suffix).
 */
async function pick(page: Page, displayName: string): Promise<void> {
	const creator = page.getByTestId('node-creator');
	await creator.getByTestId('node-creator-search-bar').fill(displayName);
	const names = [exactly(displayName), exactly(displayName.replace(/ Trigger$/, ''))];
	const entry = creator.getByTestId('item-iterator-item').filter({ has: page.getByTestId('node-creator-item-name').filter({ hasText: names[0] }).or(page.getByTestId('node-creator-item-name').filter({ hasText: names[1] })) });
	await entry.first().click({ timeout: UI_TIMEOUT_MS });
}

/** Our node's entry opens its list of triggers and actions; the first adds the node preset to it. Returns its name. */
async function pickFirstAction(page: Page, type: EditorNodeType): Promise<string> {
	await pick(page, type.displayName ?? type.name);
	const actions = page.getByTestId('node-creator').locator(`[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"][data-keyboard-nav-id^="${type.name}-"]`).filter({ visible: true });
	await actions.first().waitFor({ timeout: UI_TIMEOUT_MS });
	const first = (await actions.first().innerText()).split('\n')[0];
	await actions.first().click();
	return first;
}

async function expectPanelOf(page: Page): Promise<void> {
	await page.getByTestId('ndv').waitFor({ timeout: UI_TIMEOUT_MS });
	await page.getByTestId('node-parameters').waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * The way a user starts: a new workflow, the node creator's search, our trigger as the first step, then one of our
 * action nodes after it, picking its first action. Both land on the canvas with their panels open.
 */
export async function addThroughNodeCreator(page: Page, baseUrl: string, trigger: EditorNodeType, action: EditorNodeType, findings: Findings): Promise<void> {
	await findings.check(`node creator: ${trigger.displayName} and ${action.displayName}`, async () => {
		await page.goto(`${baseUrl}/workflow/new`);
		await page.getByTestId('canvas-add-button').click();
		const firstTrigger = await pickFirstAction(page, trigger);
		await expectPanelOf(page);
		await page.keyboard.press('Escape');
		await page.getByTestId('ndv').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
		await page.getByTestId('node-creator-plus-button').click();
		const firstAction = await pickFirstAction(page, action);
		await expectPanelOf(page);
		await page.keyboard.press('Escape');
		const onCanvas = await page.getByTestId('canvas-node').count();
		if (onCanvas !== 2) fail(`the canvas has ${onCanvas} nodes after adding two`);
		detail(`searched and added ${trigger.displayName} → "${firstTrigger}", then ${action.displayName} → "${firstAction}"`);
	});
}
