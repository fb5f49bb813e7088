/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only benchmark: runs in plain Node against the local sandbox */
/**
 * `npm run bench`: drains 20,000 System Log events through the Okta Trigger's `poll()` (n8n-core PollContext,
 * shared transport, normalisation) and through a plain `fetch` loop over the same pages of the same sandbox,
 * and prints the time ratio and the peak memory of each. Target: ratio ≤ 1.3.
 */
// First: sets n8n-core's environment (throwaway user folder, silent logs) before n8n-core is imported.
import '../test/setup-env';

import process from 'node:process';

import { startSandbox } from '../sandbox';
import { oktaAdmin } from '../sandbox/vendors/okta/admin';
import type { OktaState } from '../sandbox/vendors/okta/state';
import { Engine } from '../test/harness/engine';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const PAGE = 1000;
const ROUNDS = 5;
const FILTER = 'eventType eq "user.session.start" and outcome.result eq "FAILURE"';

interface Measured {
	ms: number;
	events: number;
	peakMb: number;
}

/** Wall time and peak heap (sampled every 5 ms) of `work`, after a GC when exposed. */
async function measure(work: () => Promise<number>): Promise<Measured> {
	(globalThis as { gc?: () => void }).gc?.();
	const base = process.memoryUsage().heapUsed;
	let peak = base;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
	const started = performance.now();
	const events = await work();
	const ms = performance.now() - started;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	return { ms, events, peakMb: (peak - base) / 1024 / 1024 };
}

function median(runs: Measured[]): Measured {
	const sorted = [...runs].sort((a, b) => a.ms - b.ms);
	return { ...sorted[Math.floor(sorted.length / 2)], peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ port: 0 });
	const credentials = sandbox.credentials('okta');
	const engine = new Engine({ secOpsOktaApi: credentials });
	const workflow = {
		nodes: [
			{
				id: 'bench-0000-4000-8000-000000000001',
				name: 'Okta Trigger',
				type: 'n8n-nodes-secops.oktaTrigger',
				typeVersion: 1,
				position: [0, 0] as [number, number],
				parameters: { authentication: 'apiToken', event: 'failedSignIns', options: { pageSize: PAGE, maxEvents: EVENTS } },
				credentials: { secOpsOktaApi: { id: 'bench', name: 'Okta Sandbox' } },
			},
		],
		connections: {},
	};

	// Both readers start from the same point, after activation, and read the same 20,000 events in 1000-event pages.
	const activation = await engine.poll(workflow, 'Okta Trigger', { persist: 'always' });
	const since = String((activation.staticData['node:Okta Trigger'] as { since: string }).since);
	await new Promise((resolve) => setTimeout(resolve, 5));
	oktaAdmin.appendLogEvents(sandbox.state<OktaState>('okta'), { count: EVENTS });

	const viaFetch = async (): Promise<number> => {
		let url: string | undefined = `${sandbox.vendorUrl('okta')}/api/v1/logs?${new URLSearchParams({ since, sortOrder: 'ASCENDING', limit: String(PAGE), filter: FILTER })}`;
		let total = 0;
		while (url) {
			const response: Response = await fetch(url, { headers: { Authorization: `SSWS ${credentials.apiToken}`, Accept: 'application/json' } });
			const page = (await response.json()) as unknown[];
			total += page.length;
			const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
			url = page.length < PAGE ? undefined : next;
		}
		return total;
	};
	const viaTrigger = async (): Promise<number> => {
		let staticData = activation.staticData;
		let total = 0;
		for (;;) {
			const poll = await engine.poll(workflow, 'Okta Trigger', { staticData, persist: 'always' });
			staticData = poll.staticData;
			if (poll.items.length === 0) return total;
			total += poll.items.length;
		}
	};

	// One warm-up each (JIT, connection pools), then three alternating rounds; the median round of each counts,
	// so a noisy neighbour on a shared machine does not decide the ratio.
	await viaFetch();
	await viaTrigger();
	const fetchRuns: Measured[] = [];
	const triggerRuns: Measured[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		fetchRuns.push(await measure(viaFetch));
		triggerRuns.push(await measure(viaTrigger));
	}
	await sandbox.close();
	const fetchRun = median(fetchRuns);
	const triggerRun = median(triggerRuns);

	const ratio = triggerRun.ms / fetchRun.ms;
	const line = (name: string, m: Measured) =>
		`${name.padEnd(22)} ${m.events.toString().padStart(6)} events  ${m.ms.toFixed(0).padStart(6)} ms  peak heap +${m.peakMb.toFixed(1)} MB`;
	process.stdout.write(
		[
			`Okta System Log drain, ${EVENTS} events in pages of ${PAGE} (sandbox on 127.0.0.1; median of ${ROUNDS} rounds, peak of all)`,
			line('plain fetch loop', fetchRun),
			line('Okta Trigger poll()', triggerRun),
			`ratio trigger/fetch: ${ratio.toFixed(2)} (target ≤ 1.3) ${ratio <= 1.3 ? 'OK' : 'ABOVE TARGET'}`,
			'',
		].join('\n'),
	);
	if (fetchRun.events !== EVENTS || triggerRun.events !== EVENTS) {
		process.stdout.write(`Event counts differ from ${EVENTS}: the comparison is not valid.\n`);
		process.exitCode = 1;
	}
}

void main();
