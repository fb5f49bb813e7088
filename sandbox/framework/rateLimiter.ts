import type { RateLimitInfo } from './types';

interface Window {
	start: number;
	count: number;
}

/** Fixed-window limiter per vendor and bucket, with limits the admin API can change (tests tighten them). */
export class RateLimiter {
	private windows = new Map<string, Window>();
	private overrides = new Map<string, { limit: number; windowMs: number }>();

	setLimit(vendor: string, bucket: string, limit: number, windowMs: number): void {
		this.overrides.set(`${vendor} ${bucket}`, { limit, windowMs });
		this.windows.delete(`${vendor} ${bucket}`);
	}

	reset(): void {
		this.windows.clear();
		this.overrides.clear();
	}

	/** Counts one call; `allowed` false means answer 429. */
	hit(vendor: string, bucket: string, defaults: { limit: number; windowMs: number }, now: number) {
		const key = `${vendor} ${bucket}`;
		const { limit, windowMs } = this.overrides.get(key) ?? this.overrides.get(`${vendor} *`) ?? defaults;
		let window = this.windows.get(key);
		if (!window || now - window.start >= windowMs) {
			// A window opens at the first call, on a whole second, so it ends on the second its reset header names.
			window = { start: now - (now % 1000), count: 0 };
			this.windows.set(key, window);
		}
		window.count++;
		const info: RateLimitInfo = {
			limit,
			remaining: Math.max(0, limit - window.count),
			resetAt: Math.ceil((window.start + windowMs) / 1000),
		};
		return { allowed: window.count <= limit, info };
	}
}
