import type { Sandbox } from '../../sandbox';
import type { FaultInput } from '../../sandbox/framework/faults';

/** Faults, each on its share of all requests to a vendor. */
export type FaultShares = Array<[Omit<FaultInput, 'vendor'>, number]>;

/** A fifth of the requests to each vendor fail: errors the nodes wait out or repeat, and refusals they report. */
export const ONE_IN_FIVE: FaultShares = [
	[{ kind: 'status', status: 500 }, 0.04],
	[{ kind: 'status', status: 502 }, 0.03],
	[{ kind: 'status', status: 503 }, 0.03],
	[{ kind: 'rateLimit', resetInSeconds: 1 }, 0.02],
	[{ kind: 'reset' }, 0.02],
	[{ kind: 'malformed' }, 0.02],
	[{ kind: 'status', status: 403, message: 'Refused by a policy (injected)' }, 0.04],
];

/**
 * The shares on every request to each vendor, seeded so a run repeats. The sandbox tries faults in order, so each
 * one's probability is its share of what the earlier ones left.
 */
export function injectFaultShares(sandbox: Sandbox, vendors: string[], shares: FaultShares, seed: number): void {
	vendors.forEach((vendor, v) => {
		let left = 1;
		shares.forEach(([fault, share], n) => {
			sandbox.faults.add({ ...fault, vendor, probability: share / left, seed: seed + n + v * 50 });
			left -= share;
		});
	});
}
