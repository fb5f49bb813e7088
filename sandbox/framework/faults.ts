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
});

export type Fault = z.infer<typeof faultSchema> & { id: number; hits: number };

export class FaultBook {
	private faults: Fault[] = [];
	private nextId = 1;

	add(input: z.infer<typeof faultSchema>): Fault {
		const fault: Fault = { ...input, id: this.nextId++, hits: 0 };
		this.faults.push(fault);
		return fault;
	}

	clear(vendor?: string): void {
		this.faults = vendor ? this.faults.filter((f) => f.vendor !== vendor) : [];
	}

	list(): Fault[] {
		return [...this.faults];
	}

	/** Takes the first live fault matching the request, counting it down. */
	take(vendor: string, method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(f) =>
				f.vendor === vendor &&
				(!f.method || f.method === method) &&
				(!f.path || new RegExp(f.path).test(path)) &&
				(f.times === undefined || f.hits < f.times),
		);
		if (fault) fault.hits++;
		return fault;
	}
}
