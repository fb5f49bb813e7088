/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only benchmark: runs in plain Node */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import process from 'node:process';

import { run } from '../test-n8n/proc';

const ROOT = join(__dirname, '..', '..');

export interface ColdLoad {
	file: string;
	ms: number;
	/** Heap the module added (after n8n-workflow), and the process's peak resident memory. */
	addedMb: number;
	peakMb: number;
}

/*
 * In a fresh `node`: n8n-workflow first (n8n has it loaded before it loads any community package), then the timed
 * `require` of the module and what it pulls in of ours.
 */
const PROBE = `
require('n8n-workflow');
gc();
const heap = process.memoryUsage().heapUsed;
const t = process.hrtime.bigint();
// 'loaded' stays referenced until the heap is read after the GC.
const loaded = require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - t) / 1e6;
gc();
const addedMb = (process.memoryUsage().heapUsed - heap) / 1048576;
process.stdout.write(JSON.stringify({ ms, addedMb, peakMb: process.resourceUsage().maxRSS / 1024, exports: Object.keys(loaded).length }));
`;

/** Every node and credential module package.json registers, each required cold in its own process (median of 3). */
export async function coldLoads(samples = 3): Promise<ColdLoad[]> {
	const { n8n } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const files = [...n8n.nodes, ...n8n.credentials];
	if (files.some((file) => !existsSync(join(ROOT, file)))) await run('npm', ['run', 'build'], { cwd: ROOT });
	const loads: ColdLoad[] = [];
	for (const file of files) {
		const runs: ColdLoad[] = [];
		for (let sample = 0; sample < samples; sample++) {
			// --expose-gc: a GC before and after, so the heap the module adds is what it keeps, not garbage.
			const { stdout } = await run(process.execPath, ['--expose-gc', '-e', PROBE, join(ROOT, file)], { cwd: ROOT });
			const { ms, addedMb, peakMb } = JSON.parse(stdout) as Omit<ColdLoad, 'file'>;
			runs.push({ file: basename(file), ms, addedMb, peakMb });
		}
		loads.push(runs.sort((a, b) => a.ms - b.ms)[Math.floor(samples / 2)]);
	}
	return loads;
}

export interface Tarball {
	kb: number;
	unpackedKb: number;
	files: number;
}

/** What `npm pack` would publish (needs the build: dist/ is what ships). */
export async function tarball(): Promise<Tarball> {
	const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
	const [pack] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	return { kb: pack.size / 1024, unpackedKb: pack.unpackedSize / 1024, files: pack.entryCount };
}
