/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import process from 'node:process';

const started = Date.now();

/** A failure the run explains itself: printed without a stack trace. */
export class Failure extends Error {}

export function fail(message: string): never {
	throw new Failure(message);
}

function elapsed(): string {
	return `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
}

export function say(line: string): void {
	process.stdout.write(`[${elapsed()}] ${line}\n`);
}

export function detail(line: string): void {
	process.stdout.write(`           ${line}\n`);
}

/** Runs one named step and prints how long it took. */
export async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
	say(`▶ ${title}`);
	const at = Date.now();
	const result = await work();
	say(`✔ ${title} (${((Date.now() - at) / 1000).toFixed(1)}s)`);
	return result;
}
