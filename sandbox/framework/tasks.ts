import type { Clock } from './clock';

export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** When a stage is reached: after `ms` on the vendor clock since creation, or at the `polls`-th poll, whichever comes first. */
export interface Threshold {
	ms?: number;
	polls?: number;
}

export interface TaskPlan<R> {
	/** Leaves `queued`; by default at the first poll. */
	start?: Threshold;
	/** Ends; by default at the second poll. */
	finish?: Threshold;
	outcome?: 'succeeded' | 'failed';
	/** What a succeeded task reports. */
	result?: R;
	/** Why a failed task failed. */
	error?: string;
}

export interface Task<R> {
	id: string;
	status: TaskStatus;
	/** Epoch ms on the vendor clock. */
	createdAt: number;
	startedAt?: number;
	finishedAt?: number;
	polls: number;
	result?: R;
	error?: string;
}

interface Tracked<R> {
	task: Task<R>;
	plan: TaskPlan<R>;
}

function reached(threshold: Threshold, elapsedMs: number, polls: number): boolean {
	if (threshold.ms === undefined && threshold.polls === undefined) return true;
	return (threshold.ms !== undefined && elapsedMs >= threshold.ms) || (threshold.polls !== undefined && polls >= threshold.polls);
}

/**
 * Long-running vendor operations (queued → running → succeeded | failed) that progress by the vendor clock or by the
 * number of times a client polls them, so tests can drive both "wait" and "poll until done" clients deterministically.
 */
export class TaskQueue<R = unknown> {
	private readonly tasks = new Map<string, Tracked<R>>();
	private counter = 0;

	constructor(
		private readonly clock: Clock,
		private readonly newId: (n: number) => string = (n) => `task-${String(n).padStart(6, '0')}`,
	) {}

	create(plan: TaskPlan<R> = {}): Task<R> {
		const task: Task<R> = { id: this.newId(++this.counter), status: 'queued', createdAt: this.clock.now(), polls: 0 };
		const defaults = { start: plan.start ?? { polls: 1 }, finish: plan.finish ?? { polls: 2 }, outcome: plan.outcome ?? 'succeeded' };
		this.tasks.set(task.id, { task, plan: { ...plan, ...defaults } });
		return this.advance(task.id)!;
	}

	/** A client's status read: counts as a poll, then moves the task on as far as its plan allows. */
	poll(id: string): Task<R> | undefined {
		const tracked = this.tasks.get(id);
		if (!tracked) return undefined;
		tracked.task.polls++;
		return this.advance(id);
	}

	/** The task as it stands now (by the clock), without counting a poll (admin views, lists). */
	peek(id: string): Task<R> | undefined {
		return this.advance(id);
	}

	list(): Task<R>[] {
		return [...this.tasks.keys()].map((id) => this.advance(id)!);
	}

	/** Ends a task now, whatever its plan said (an admin action, or a vendor-side cancel). */
	settle(id: string, outcome: 'succeeded' | 'failed', detail: { result?: R; error?: string } = {}): Task<R> | undefined {
		const tracked = this.tasks.get(id);
		if (!tracked) return undefined;
		const now = this.clock.now();
		const { task } = tracked;
		task.startedAt ??= now;
		task.finishedAt ??= now;
		task.status = outcome;
		task.result = outcome === 'succeeded' ? (detail.result ?? tracked.plan.result) : undefined;
		task.error = outcome === 'failed' ? (detail.error ?? tracked.plan.error ?? 'The task failed') : undefined;
		return { ...task };
	}

	private advance(id: string): Task<R> | undefined {
		const tracked = this.tasks.get(id);
		if (!tracked) return undefined;
		const { task, plan } = tracked;
		const now = this.clock.now();
		const elapsed = now - task.createdAt;
		if (task.status === 'queued' && reached(plan.start ?? {}, elapsed, task.polls)) {
			task.status = 'running';
			task.startedAt = plan.start?.ms !== undefined && elapsed >= plan.start.ms ? task.createdAt + plan.start.ms : now;
		}
		if (task.status === 'running' && reached(plan.finish ?? {}, elapsed, task.polls)) {
			task.finishedAt = plan.finish?.ms !== undefined && elapsed >= plan.finish.ms ? task.createdAt + plan.finish.ms : now;
			task.status = plan.outcome ?? 'succeeded';
			if (task.status === 'succeeded') task.result = plan.result;
			else task.error = plan.error ?? 'The task failed';
		}
		return { ...task };
	}
}
