/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { detail, fail } from '../test-n8n/log';
import type { Findings } from './editor';
import { IMAGES_DIR, SELF_CHECKS, UI_TIMEOUT_MS, breaks, choose, shownValue, until } from './editor';
import type { EditorNodeType, NodeProperty, NodeWorkflow } from './setup';

/** What one node's panel walk saw: switches made and each resource locator's "From list" entries. */
export interface PanelReport {
	switches: number;
	pickers: Array<{ parameter: string; method: string; entries: number }>;
	screenshot?: string;
}

/** A parameter shows for these values, as its displayOptions say (only `show` on the fields we switch). */
function shownFor(property: NodeProperty, values: Record<string, unknown>): boolean {
	const { show, hide } = property.displayOptions ?? {};
	const matches = (conditions: Record<string, unknown[]>) => Object.entries(conditions).every(([name, allowed]) => allowed.includes(values[name]));
	if (show && !matches(show)) return false;
	if (hide && Object.entries(hide).some(([name, hidden]) => hidden.includes(values[name]))) return false;
	return true;
}

/** The node's "From list" locators: parameter name → listSearch method. */
function locators(type: EditorNodeType): Map<string, string> {
	const found = new Map<string, string>();
	for (const property of type.properties) {
		const method = property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod;
		if (property.type === 'resourceLocator' && method) found.set(property.name, method);
	}
	return found;
}

/** The short name docs use for a node's screenshot: `n8n-nodes-secops.okta` → `okta`. */
export function shortName(type: EditorNodeType): string {
	return type.name.split('.').pop() ?? type.name;
}

async function openPanel(page: Page, baseUrl: string, workflow: NodeWorkflow): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${workflow.id}`);
	const node = page.getByTestId('canvas-node').first();
	await node.waitFor({ timeout: UI_TIMEOUT_MS * 2 });
	// n8n 2.x lets one tab edit a workflow; a tab of an earlier session of the same owner may still hold it.
	const takeOver = page.getByRole('button', { name: 'Edit here' });
	if (await takeOver.isVisible()) await takeOver.click();
	await node.dblclick();
	await page.getByTestId('ndv').waitFor({ timeout: UI_TIMEOUT_MS });
	await page.getByTestId('node-parameters').waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * Opens "From list" of one resource locator with the node's sandbox credential, counts the entries it shows (each
 * comes from the node's listSearch method calling the sandbox through n8n) and picks the first.
 */
async function openPicker(page: Page, parameter: string): Promise<number> {
	// A picker left open by a failed check would cover this one.
	if (await page.getByTestId('rlc-search').filter({ visible: true }).isVisible()) await page.keyboard.press('Escape');
	const locator = page.getByTestId('node-parameters').getByTestId(`resource-locator-${parameter}`);
	const mode = await locator.getByTestId('rlc-mode-selector').locator('input').first().inputValue();
	if (mode !== 'From list') fail(`its mode is "${mode}", not "From list", on a new node`);
	await locator.getByTestId('rlc-input').click();
	// The dropdown is teleported out of the locator: the visible search box and entries are the open one's.
	const search = page.getByTestId('rlc-search').filter({ visible: true });
	await search.waitFor({ timeout: UI_TIMEOUT_MS });
	// The self-check filters for something no sandbox record is called: the picker is then empty and must fail.
	if (breaks('picker')) {
		await search.click();
		await page.keyboard.type('self-check-matches-nothing');
	}
	const item = page.getByTestId('rlc-item').filter({ visible: true });
	const error = page.getByTestId('rlc-error-container').filter({ visible: true });
	const outcome = await Promise.race([
		item.first().waitFor({ timeout: UI_TIMEOUT_MS }).then(() => 'items' as const),
		error.waitFor({ timeout: UI_TIMEOUT_MS }).then(() => 'error' as const),
	]).catch(() => 'nothing' as const);
	if (outcome === 'error') fail(`"From list" shows an error: ${await error.innerText()}`);
	const entries = await item.count();
	if (entries === 0) fail(`"From list" ${SELF_CHECKS.picker}`);
	// Pick the first entry, as a user would: a locator that depends on this one (PAM360's Account lists the accounts
	// of the chosen Resource) then has what it needs.
	await item.first().click();
	await search.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
	return entries;
}

/**
 * One node of ours on its canvas: open its panel (screenshot), switch through every resource and operation with the
 * panel's own dropdowns, and open every "From list" locator that shows. Findings collects console errors per switch.
 * A Tool variant has the same fields (plus its tool description): `resourcesOnly` switches its resources, opening
 * each resource's default operation, to keep the run short.
 */
export async function walkPanel(
	page: Page,
	baseUrl: string,
	workflow: NodeWorkflow,
	findings: Findings,
	{ screenshot, resourcesOnly }: { screenshot: boolean; resourcesOnly: boolean },
): Promise<PanelReport> {
	const { type } = workflow;
	const name = shortName(type);
	const report: PanelReport = { switches: 0, pickers: [] };
	const opened = await findings.check(`${name}: open panel`, async () => {
		await openPanel(page, baseUrl, workflow);
		await page.waitForTimeout(500);
		if (screenshot) {
			report.screenshot = join(IMAGES_DIR, `${name}.png`);
			await page.screenshot({ path: report.screenshot });
		}
	});
	if (!opened) return report;
	if (breaks('console')) {
		// eslint-disable-next-line no-console -- the self-check logs in the page, as a broken panel would
		await findings.check(`${name}: panel`, async () => await page.evaluate((text) => console.error(text), SELF_CHECKS.console));
	}

	const pickers = locators(type);
	const pending = new Set(pickers.keys());
	const values: Record<string, unknown> = {};
	const checkVisiblePickers = async (context: string) => {
		for (const parameter of [...pending]) {
			if (!(await page.getByTestId('node-parameters').getByTestId(`resource-locator-${parameter}`).isVisible())) continue;
			pending.delete(parameter);
			await findings.check(`${name}: ${context}: "${parameter}" From list`, async () => {
				const entries = await openPicker(page, parameter);
				report.pickers.push({ parameter, method: pickers.get(parameter) ?? '', entries });
			});
		}
	};

	const resource = type.properties.find((p) => p.name === 'resource' && p.type === 'options');
	const resources = resource?.options ?? [{ name: '', value: undefined }];
	for (const option of resources) {
		if (resource) {
			values.resource = option.value;
			const ok = await findings.check(`${name}: resource ${option.name}`, async () => {
				await choose(page, page.getByTestId(`parameter-input-resource`), option.name, option === resources[0] ? resource.options?.map((o) => o.name) : []);
				report.switches++;
			});
			if (!ok) continue;
		}
		const operation = type.properties.find((p) => p.name === 'operation' && p.type === 'options' && shownFor(p, values));
		if (operation) {
			// The resource's own Operation dropdown replaces the previous one once the panel has re-rendered.
			const names = (operation.options ?? []).map((o) => o.name);
			const input = page.getByTestId('parameter-input-operation');
			const settled = await findings.check(`${name}: resource ${option.name}: its operations`, async () => {
				await until(async () => names.includes(await shownValue(input)), async () => `Operation shows "${await shownValue(input)}", none of ${names.join(', ')}`);
			});
			if (!settled) continue;
		}
		if (!operation || resourcesOnly) {
			await checkVisiblePickers(option.name || 'panel');
			continue;
		}
		for (const [index, op] of (operation.options ?? []).entries()) {
			const where = `${name}: ${option.name ? `${option.name} → ` : ''}${op.name}`;
			await findings.check(where, async () => {
				const expected = index === 0 ? operation.options?.map((o) => o.name) : [];
				await choose(page, page.getByTestId(`parameter-input-operation`), op.name, expected);
				report.switches++;
			});
			await checkVisiblePickers(`${option.name} → ${op.name}`);
		}
	}
	// Only a full walk visits every operation; a Tool variant's locators are the action node's, walked in full.
	if (pending.size && !resourcesOnly) findings.problems.push(`${name}: no resource and operation showed the locator(s) ${[...pending].join(', ')}`);
	detail(`${type.displayName} (${name}): ${report.switches} switches, pickers: ${report.pickers.map((p) => `${p.parameter} (${p.method}) ${p.entries} entries`).join(', ') || 'none'}`);
	return report;
}
