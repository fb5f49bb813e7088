import { createHash } from 'crypto';
import type { IPollFunctions } from 'n8n-workflow';

/** n8n's default poll budget, for contexts that predate `getPollBudgetMs`. */
const DEFAULT_BUDGET_MS = 5 * 60_000;

/**
 * When a poll stops asking the vendor: no request starts, and none waits for an answer, after it. A fifth of n8n's
 * budget is left for n8n to start the execution with what the poll emitted.
 */
export function pollDeadline(ctx: IPollFunctions, started: number): number {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	return started + budget * 0.8;
}

/**
 * A short, stable digest of what a trigger's cursor was built for (filter, query, page size…). Stored next to the
 * cursor, it tells a later poll that the configuration changed, without keeping the configuration in static data.
 */
export function configFingerprint(parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12);
}
