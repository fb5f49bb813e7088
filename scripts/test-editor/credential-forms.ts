import type { Locator, Page } from 'playwright-core';

import type { CredentialRecord } from '../test-n8n/credentials';
import { wrongSecretFor } from '../test-n8n/credentials';
import { detail, fail } from '../test-n8n/log';
import type { LoadedType } from '../test-n8n/n8n';
import type { Findings } from './editor';
import { SELF_CHECKS, UI_TIMEOUT_MS, breaks, choose, exactly } from './editor';
import type { EditorNodeType } from './setup';

interface CredentialProperty {
	name: string;
	type: string;
	default?: unknown;
	options?: Array<{ name: string; value: unknown }>;
}

type CredentialType = LoadedType & { test?: unknown; properties: CredentialProperty[] };

/** What the modal said after Save: n8n's test verdict, or only "Saved" for a type without a test. */
type Verdict = 'tested' | 'refused' | 'saved';

/** Credentials → Create credential → the type, typed into the app search as a user does → Continue. */
async function openNewForm(page: Page, baseUrl: string, displayName: string): Promise<Locator> {
	await page.goto(`${baseUrl}/home/credentials/create`);
	const search = page.getByTestId('new-credential-type-select').locator('input');
	await search.waitFor({ timeout: UI_TIMEOUT_MS * 2 });
	await search.fill(displayName);
	await page.getByTestId('new-credential-type-select-option').filter({ hasText: exactly(displayName) }).first().click();
	await page.getByTestId('new-credential-type-button').click();
	const modal = page.getByTestId('credential-edit-dialog');
	await modal.waitFor({ timeout: UI_TIMEOUT_MS });
	return modal;
}

/**
 * Fills the form field by field in the type's order (so an option such as Region shows the fields it governs before
 * they are filled): text fields typed, options picked from their dropdown, switches flipped to the value.
 */
async function fill(page: Page, modal: Locator, type: CredentialType, data: Record<string, unknown>): Promise<void> {
	for (const property of type.properties) {
		const value = data[property.name];
		if (property.type === 'hidden' || value === undefined || value === property.default) continue;
		const input = modal.getByTestId(`parameter-input-${property.name}`);
		if (!(await input.isVisible())) {
			if (value === '' || value === false) continue;
			fail(`field "${property.name}" is not shown, but the sandbox credential sets it`);
		}
		if (property.type === 'options') {
			const label = property.options?.find((option) => option.value === value)?.name;
			if (!label) fail(`field "${property.name}" has no option for ${String(value)}`);
			await choose(page, input, label);
		} else if (property.type === 'boolean') {
			const toggle = input.locator('.el-switch');
			if (((await toggle.getAttribute('aria-checked')) === 'true') !== value) await toggle.click();
		} else {
			await input.locator('input, textarea').first().fill(String(value));
		}
	}
}

/** Save makes n8n test the credential (when its type has a test) and show the verdict in the modal. */
async function save(page: Page, modal: Locator, tested: boolean): Promise<Verdict> {
	await page.getByTestId('credential-save-button').click();
	if (!tested) {
		await page.getByTestId('credential-save-button').getByText('Saved', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
		return 'saved';
	}
	const success = modal.getByTestId('credentials-config-container-test-success').filter({ visible: true });
	const failure = modal.getByText('Couldn’t connect with these settings').filter({ visible: true });
	return await Promise.race([
		success.waitFor({ timeout: UI_TIMEOUT_MS * 2 }).then(() => 'tested' as const),
		failure.waitFor({ timeout: UI_TIMEOUT_MS * 2 }).then(() => 'refused' as const),
	]);
}

async function failureDetail(modal: Locator): Promise<string> {
	return (await modal.innerText()).split('\n').find((line) => /couldn|error|fail|invalid|401|403/i.test(line)) ?? '';
}

/**
 * Every credential type's form, as a user fills it: a new credential with the sandbox's values must pass n8n's test.
 * For the first tested type, a new one with a wrong secret (vendors/registry.ts `wrongSecret`) must fail it first, so
 * a pass is known to mean something (test:n8n tries the wrong secret of every type through n8n's REST API).
 */
export async function checkCredentialForms(
	page: Page,
	baseUrl: string,
	records: CredentialRecord[],
	types: LoadedType[],
	nodeTypes: EditorNodeType[],
	findings: Findings,
): Promise<void> {
	// A type is tested by its own `test` request or by a node's `testedBy` method (the Event Hook Secret's).
	const testedByNode = new Set(nodeTypes.flatMap((node) => (node.credentials ?? []).filter((c) => c.testedBy).map((c) => c.name)));
	let broken = false;
	for (const record of records.filter((r) => r.id === `sbx-${r.type}`)) {
		const type = types.find((t) => t.name === record.type) as CredentialType | undefined;
		if (!type) fail(`n8n did not load credential type ${record.type}`);
		const name = type.displayName ?? type.name;
		const tested = Boolean(type.test) || testedByNode.has(type.name);
		const wrong = wrongSecretFor(record);
		if (tested && wrong && !broken) {
			broken = true;
			await findings.check(`credential ${name}: wrong secret`, async () => {
				const modal = await openNewForm(page, baseUrl, name);
				await fill(page, modal, type, { ...record.data, ...wrong });
				const verdict = await save(page, modal, true);
				if (verdict !== 'refused') fail(`n8n's test passed with a wrong ${Object.keys(wrong).join(', ')}`);
				detail(`${name}, wrong ${Object.keys(wrong).join(', ')}: "${await failureDetail(modal)}"`);
			});
		}
		await findings.check(`credential ${name}`, async () => {
			const modal = await openNewForm(page, baseUrl, name);
			// The self-check types the wrong secret where the right one belongs: the run must then fail here.
			const data = breaks('credential') && wrong ? { ...record.data, ...wrong } : record.data;
			await fill(page, modal, type, data);
			const verdict = await save(page, modal, tested);
			if (verdict === 'refused') fail(`${SELF_CHECKS.credential}: "${await failureDetail(modal)}"`);
			detail(`${name}: ${verdict === 'tested' ? 'Connection tested successfully' : 'saved (the type has no test)'}`);
		});
	}
	if (!broken) findings.problems.push('no credential type has both a test and a wrong secret: the failure path was not tried');
}
