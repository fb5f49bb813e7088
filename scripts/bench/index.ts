/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only benchmark: runs in plain Node against the local sandbox */
/**
 * `npm run bench`: the package next to what a user could use instead, in one table (README, "Scale").
 * Triggers and nodes run in n8n-core's WorkflowExecute in this process (test/harness); vendors are the sandbox over
 * HTTP on 127.0.0.1. Each ratio is ours over the alternative, medians of alternating rounds in this one run.
 */
// First: sets n8n-core's environment (throwaway user folder, silent logs) before n8n-core is imported.
import '../../test/setup-env';

import process from 'node:process';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { Engine, sandboxCredentials } from '../../test/harness';
import { CALLS, CONTAINMENTS, LIMIT, MINIMUM_MS, WINDOW_MS, containmentsUnderLimit, perCallOverhead } from './calls';
import { DRAIN_EVENTS, oktaDrain, visionOneDrain } from './drains';
import { coldLoads, tarball } from './footprint';
import type { Compared } from './measure';

interface Row {
	measure: string;
	ours: string;
	baseline: string;
	ratio: string;
	target: string;
	memory: string;
	ok: boolean;
}

const mb = (value: number) => `${value.toFixed(1)} MB`;
const plusMb = (value: number) => `${value < 0 ? '−' : '+'}${mb(Math.abs(value))}`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const rows: Row[] = [];

/** Each scenario on a sandbox and engine of its own: one scenario's records never slow another's. */
async function withSandbox<T>(work: (sandbox: Sandbox, engine: Engine) => Promise<T>): Promise<T> {
	const sandbox = await startSandbox({ port: 0 });
	try {
		return await work(sandbox, new Engine(sandboxCredentials(sandbox)));
	} finally {
		await sandbox.close();
	}
}

function compared(measure: string, result: Compared, expected: number, target: number, perCall?: number): void {
	const show = (m: Compared['ours']) => (perCall ? `${(m.ms / perCall).toFixed(2)} ms/call` : ms(m.ms));
	const counted = result.ours.count === expected && result.baseline.count === expected;
	rows.push({
		measure,
		ours: show(result.ours),
		baseline: show(result.baseline),
		ratio: result.ratio.toFixed(2),
		target: `≤ ${target.toFixed(1)}`,
		memory: `${plusMb(result.ours.peakMb)} / ${plusMb(result.baseline.peakMb)} heap`,
		ok: counted && result.ratio <= target,
	});
	if (!counted) process.stderr.write(`${measure}: ours counted ${result.ours.count}, the baseline ${result.baseline.count}, expected ${expected}: not comparable\n`);
}

async function main(): Promise<void> {
	const started = Date.now();
	const step = (what: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}\n`);

	step(`Okta System Log: ${DRAIN_EVENTS} events`);
	compared(`Okta Trigger drain, ${DRAIN_EVENTS} events vs fetch loop`, await withSandbox(oktaDrain), DRAIN_EVENTS, 1.1);
	step(`Vision One Workbench: ${DRAIN_EVENTS} alerts`);
	compared(`Vision One Trigger drain, ${DRAIN_EVENTS} alerts vs fetch loop`, await withSandbox(visionOneDrain), DRAIN_EVENTS, 1.1);
	step(`per-call overhead: ${CALLS} calls per execution`);
	compared(`Okta node Get User vs HTTP Request node, ${CALLS} calls`, await withSandbox(perCallOverhead), CALLS, 1.0, CALLS);

	step(`${CONTAINMENTS} containments under ${LIMIT} per ${WINDOW_MS / 1000} s (at least ${MINIMUM_MS / 1000} s)`);
	const contained = await withSandbox(containmentsUnderLimit);
	const containRatio = contained.ms / MINIMUM_MS;
	rows.push({
		measure: `${CONTAINMENTS} Okta suspensions under ${LIMIT} per ${WINDOW_MS / 1000} s vs the limit's minimum`,
		ours: `${(contained.ms / 1000).toFixed(1)} s, ${contained.failed} failed`,
		baseline: `${(MINIMUM_MS / 1000).toFixed(0)} s minimum`,
		ratio: containRatio.toFixed(2),
		target: '≤ 1.1, 0 failed',
		memory: `${plusMb(contained.peakMb)} heap`,
		ok: containRatio <= 1.1 && contained.failed === 0 && contained.suspended === CONTAINMENTS,
	});
	if (contained.suspended !== CONTAINMENTS) process.stderr.write(`Okta logged ${contained.suspended} suspensions, not ${CONTAINMENTS} (${contained.throttled} calls throttled)\n`);

	step('cold load of every node and credential module (a fresh node each, median of 3)');
	for (const load of await coldLoads()) {
		rows.push({ measure: `cold load ${load.file}`, ours: ms(load.ms), baseline: '', ratio: '', target: '', memory: `${plusMb(load.addedMb)} heap kept (process peak RSS ${mb(load.peakMb)})`, ok: true });
	}
	step('npm pack --dry-run');
	const pack = await tarball();
	rows.push({ measure: 'packed tarball (npm pack)', ours: `${pack.kb.toFixed(0)} KB`, baseline: '', ratio: '', target: '', memory: `${pack.unpackedKb.toFixed(0)} KB unpacked, ${pack.files} files`, ok: true });

	const header: Row = { measure: 'Measure', ours: 'Ours', baseline: 'Alternative', ratio: 'Ratio', target: 'Target', memory: 'Peak memory (ours / alternative)', ok: true };
	const cells = (r: Row) => [r.measure, r.ours, r.baseline, r.ratio, r.target, r.memory, r === header ? 'Result' : r.target ? (r.ok ? 'OK' : 'ABOVE TARGET') : ''];
	const lines = [header, ...rows].map((r) => `| ${cells(r).join(' | ')} |`);
	lines.splice(1, 0, `|${cells(header).map(() => '---').join('|')}|`);
	process.stdout.write(
		[
			`n8n-nodes-secops bench (Node ${process.version}, sandbox on 127.0.0.1; ratios: medians of 5 alternating rounds after one warm-up each; ${((Date.now() - started) / 1000).toFixed(0)} s)`,
			'',
			...lines,
			'',
		].join('\n'),
	);
	if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

void main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
	process.exitCode = 1;
});
