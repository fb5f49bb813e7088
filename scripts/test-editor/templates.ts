/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { basename, join } from 'node:path';

import type { Page } from 'playwright-core';

import { detail, fail } from '../test-n8n/log';
import type { WorkflowFile } from '../test-n8n/workflows';
import type { Findings } from './editor';
import { IMAGES_DIR, UI_TIMEOUT_MS } from './editor';

const STICKY = 'n8n-nodes-base.stickyNote';

/** A sticky's first line of prose (markdown marks dropped), which the canvas must show. */
function firstLine(content: unknown): string {
	const line = String(content ?? '')
		.split('\n')
		.map((l) => l.replace(/[#*_`>[\]]/g, '').replace(/\(.*?\)/g, '').trim())
		.find(Boolean);
	return (line ?? '').slice(0, 40);
}

/**
 * Each template's canvas as a user opens it after import: every node and sticky note drawn, each sticky showing its
 * text, then fitted to the view and saved as docs/images/editor/template-<name>.png.
 */
export async function checkTemplates(page: Page, baseUrl: string, templates: WorkflowFile[], findings: Findings, screenshot: boolean): Promise<string[]> {
	const shots: string[] = [];
	for (const template of templates) {
		const name = basename(template.label, '.json');
		await findings.check(`template ${name}`, async () => {
			await page.goto(`${baseUrl}/workflow/${template.id}`);
			const stickies = template.json.nodes.filter((n) => n.type === STICKY);
			const nodes = template.json.nodes.length - stickies.length;
			await page.getByTestId('canvas-node').first().waitFor({ timeout: UI_TIMEOUT_MS * 2 });
			await page.getByTestId('zoom-to-fit').click();
			await page.waitForTimeout(800);
			const drawnNodes = await page.getByTestId('canvas-node').count();
			const drawn = page.getByTestId('sticky');
			if (drawnNodes !== nodes) fail(`the canvas draws ${drawnNodes} nodes, the template has ${nodes}`);
			if ((await drawn.count()) !== stickies.length) fail(`the canvas draws ${await drawn.count()} sticky notes, the template has ${stickies.length}`);
			const texts = await drawn.allInnerTexts();
			for (const sticky of stickies) {
				const line = firstLine(sticky.parameters?.content);
				if (!texts.some((text) => text.replace(/\s+/g, ' ').includes(line))) fail(`sticky note "${sticky.name}" does not show "${line}"`);
			}
			if (screenshot) {
				const shot = join(IMAGES_DIR, `template-${name}.png`);
				await page.screenshot({ path: shot });
				shots.push(shot);
			}
			detail(`${template.label}: ${nodes} nodes and ${stickies.length} sticky notes drawn`);
		});
	}
	return shots;
}
