import { z } from 'zod';

/**
 * A vendor's clock: wall time by default, or shifted by an offset, or frozen at an instant. Vendors stamp records,
 * expire tokens and page time windows with it, so tests can move time without waiting. Rate limits stay on wall time:
 * a client waiting out a 429 must see the window end.
 */
export class Clock {
	/** Epoch ms the clock stands still at; wall time plus `offsetMs` when undefined. */
	frozenAt?: number;
	offsetMs = 0;

	now(): number {
		return this.frozenAt ?? Date.now() + this.offsetMs;
	}

	iso(): string {
		return new Date(this.now()).toISOString();
	}

	/** Moves time forward (or back, negative): a frozen clock moves its instant, a running one its offset. */
	advance(ms: number): void {
		if (this.frozenAt !== undefined) this.frozenAt += ms;
		else this.offsetMs += ms;
	}

	reset(): void {
		this.frozenAt = undefined;
		this.offsetMs = 0;
	}

	view(): { now: string; frozen: boolean; offsetMs: number } {
		return { now: this.iso(), frozen: this.frozenAt !== undefined, offsetMs: this.offsetMs };
	}
}

/** `POST /__admin/clock` and vendors' own clock actions: freeze/unfreeze, set an offset, then advance. */
export const clockSettingsSchema = z
	.object({
		/** An ISO instant to freeze at, or `null` to let the clock run again (from wall time plus the offset). */
		frozenAt: z.string().datetime({ offset: true }).nullable().optional(),
		/** Milliseconds the running clock is ahead of wall time (negative: behind). */
		offsetMs: z.number().int().optional(),
		advanceSeconds: z.number().optional(),
	})
	.strict();

export function applyClockSettings(clock: Clock, settings: z.infer<typeof clockSettingsSchema>): void {
	if (settings.frozenAt === null) clock.frozenAt = undefined;
	else if (settings.frozenAt !== undefined) clock.frozenAt = Date.parse(settings.frozenAt);
	if (settings.offsetMs !== undefined) clock.offsetMs = settings.offsetMs;
	if (settings.advanceSeconds) clock.advance(settings.advanceSeconds * 1000);
}
