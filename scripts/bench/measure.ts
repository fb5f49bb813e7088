/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only benchmark: runs in plain Node against the local sandbox */
import process from 'node:process';

export interface Measured {
	ms: number;
	/** Peak heap above the heap at the start, sampled every 5 ms (after a GC when exposed). */
	peakMb: number;
	/** What the work reports it did (events drained, calls made): both sides must agree. */
	count: number;
}

/** Wall time and peak heap of one run of `work`. */
export async function measure(work: () => Promise<number>): Promise<Measured> {
	(globalThis as { gc?: () => void }).gc?.();
	const base = process.memoryUsage().heapUsed;
	let peak = base;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
	const started = performance.now();
	const count = await work();
	const ms = performance.now() - started;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	return { ms, count, peakMb: (peak - base) / 1024 / 1024 };
}

export interface Compared {
	ours: Measured;
	baseline: Measured;
	/** Median of ours over median of the baseline. */
	ratio: number;
	rounds: number;
}

function median(runs: Measured[]): Measured {
	const sorted = [...runs].sort((a, b) => a.ms - b.ms);
	return { ...sorted[Math.floor(sorted.length / 2)], peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

/**
 * One warm-up each (JIT, connection pools), then `rounds` alternating rounds (ours, baseline, ours, …): a noisy
 * neighbour on a shared machine hits both sides alike, and the median round of each counts.
 */
export async function alternate(ours: () => Promise<number>, baseline: () => Promise<number>, rounds = 5): Promise<Compared> {
	await ours();
	await baseline();
	const oursRuns: Measured[] = [];
	const baselineRuns: Measured[] = [];
	for (let round = 0; round < rounds; round++) {
		oursRuns.push(await measure(ours));
		baselineRuns.push(await measure(baseline));
	}
	const a = median(oursRuns);
	const b = median(baselineRuns);
	return { ours: a, baseline: b, ratio: a.ms / b.ms, rounds };
}
