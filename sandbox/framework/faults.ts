import { z } from 'zod';

/** Faults the admin API can inject, per vendor and route. */
export const faultSchema = z.object({
	vendor: z.string(),
	/** HTTP method to match; any when omitted. */
	method: z.string().toUpperCase().optional(),
	/** Regular expression matched against the path below the vendor prefix; any when omitted. */
	path: z.string().optional(),
	kind: z.enum(['status', 'rateLimit', 'latency', 'reset', 'malformed', 'timeoutAfterHandling']),
	/** For `status`: 500, 502, 503… */
	status: z.number().int().min(400).max(599).optional(),
	/** For `latency` (and `timeoutAfterHandling`): milliseconds to hold the response. */
	delayMs: z.number().int().min(0).max(120_000).optional(),
	/** For `rateLimit`: seconds until the advertised reset. */
	resetInSeconds: z.number().min(0).max(3600).optional(),
	/** For `status`: the message put in the vendor's error envelope. */
	message: z.string().optional(),
	/** How many matching requests this fault applies to; forever when omitted. */
	times: z.number().int().min(1).optional(),
	/** Share of matching requests the fault hits (0–1), drawn from `seed` so a run repeats exactly; all when omitted. */
	probability: z.number().min(0).max(1).optional(),
	/** Seed of `probability`'s draws; 1 when omitted. */
	seed: z.number().int().optional(),
});

export type Fault = z.infer<typeof faultSchema> & { id: number; hits: number };

export class FaultBook {
	private faults: Fault[] = [];
	private nextId = 1;
	private readonly draws = new Map<number, () => number>();

	add(input: z.infer<typeof faultSchema>): Fault {
		const fault: Fault = { ...input, id: this.nextId++, hits: 0 };
		this.faults.push(fault);
		if (fault.probability !== undefined) this.draws.set(fault.id, seededRandom(fault.seed ?? 1));
		return fault;
	}

	clear(vendor?: string): void {
		this.faults = vendor ? this.faults.filter((f) => f.vendor !== vendor) : [];
	}

	list(): Fault[] {
		return [...this.faults];
	}

	/** Takes the first live fault matching the request (and winning its draw, if it has a probability), counting it down. */
	take(vendor: string, method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(f) =>
				f.vendor === vendor &&
				(!f.method || f.method === method) &&
				(!f.path || new RegExp(f.path).test(path)) &&
				(f.times === undefined || f.hits < f.times) &&
				(f.probability === undefined || this.draws.get(f.id)!() < f.probability),
		);
		if (fault) fault.hits++;
		return fault;
	}
}

/** mulberry32: a tiny seeded generator, enough for repeatable fault draws. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
