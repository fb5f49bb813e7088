import { sleep } from 'n8n-workflow';

/** Where an asynchronous vendor task stands (Vision One response tasks, ConductorOne grant and revoke tasks). */
export type TaskState = 'pending' | 'done';

export interface TaskPoll<T> {
	/** Reads the task once. */
	read: () => Promise<T>;
	/** Whether it is still queued or running, or has reached a final state (succeeded, failed, denied…). */
	stateOf: (task: T) => TaskState;
	/** How long to wait in all, from now. */
	budgetMs: number;
	/** The pause between reads; doubled each time up to `maxIntervalMs`. */
	intervalMs?: number;
	maxIntervalMs?: number;
}

export interface TaskOutcome<T> {
	task: T;
	/** False when the budget ran out first: `task` is its last known state, and the caller says "still running". */
	finished: boolean;
	waitedMs: number;
}

/**
 * "Wait for completion": reads a task until it reaches a final state or the wall-clock budget runs out, and returns
 * its last state either way, so a slow vendor gives a clear "still running" outcome rather than an error or a hang.
 */
export async function waitForTask<T>(poll: TaskPoll<T>): Promise<TaskOutcome<T>> {
	const started = Date.now();
	const deadline = started + poll.budgetMs;
	let interval = poll.intervalMs ?? 1000;
	let task = await poll.read();
	while (poll.stateOf(task) === 'pending') {
		const left = deadline - Date.now();
		if (left <= 0) return { task, finished: false, waitedMs: Date.now() - started };
		await sleep(Math.min(interval, left));
		interval = Math.min(interval * 2, poll.maxIntervalMs ?? 10_000);
		task = await poll.read();
	}
	return { task, finished: true, waitedMs: Date.now() - started };
}
