import { z } from 'zod';

function isRegex(pattern: string): boolean {
	try {
		new RegExp(pattern);
		return true;
	} catch {
		return false;
	}
}

export const FAULT_KINDS = ['status', 'rateLimit', 'latency', 'reset', 'malformed', 'timeoutAfterHandling', 'hang'] as const;

/** Faults the admin API can inject, per vendor and route. */
export const faultSchema = z.object({
	vendor: z.string(),
	/** HTTP method to match; any when omitted. */
	method: z.string().toUpperCase().optional(),
	/** Regular expression matched against the path below the vendor prefix; any when omitted. */
	path: z
		.string()
		.refine(isRegex, (pattern) => ({ message: `${JSON.stringify(pattern)} is not a valid regular expression` }))
		.optional(),
	kind: z.enum(FAULT_KINDS),
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

export type FaultInput = z.infer<typeof faultSchema>;
export type Fault = FaultInput & { id: number; hits: number };

export class FaultBook {
	private faults: Array<{ fault: Fault; path?: RegExp }> = [];
	private nextId = 1;
	private readonly draws = new Map<number, () => number>();

	add(input: FaultInput): Fault {
		const fault: Fault = { ...input, id: this.nextId++, hits: 0 };
		this.faults.push({ fault, path: input.path === undefined ? undefined : new RegExp(input.path) });
		if (fault.probability !== undefined) this.draws.set(fault.id, seededRandom(fault.seed ?? 1));
		return fault;
	}

	clear(vendor?: string): void {
		this.faults = vendor ? this.faults.filter(({ fault }) => fault.vendor !== vendor) : [];
	}

	list(): Fault[] {
		return this.faults.map(({ fault }) => fault);
	}

	/** Takes the first live fault matching the request (and winning its draw, if it has a probability), counting it down. */
	take(vendor: string, method: string, path: string): Fault | undefined {
		const found = this.faults.find(
			({ fault, path: pattern }) =>
				fault.vendor === vendor &&
				(!fault.method || fault.method === method) &&
				(!pattern || pattern.test(path)) &&
				(fault.times === undefined || fault.hits < fault.times) &&
				(fault.probability === undefined || this.draws.get(fault.id)!() < fault.probability),
		);
		if (found) found.fault.hits++;
		return found?.fault;
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
