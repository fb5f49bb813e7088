import type { SandboxResponse } from './types';

/** One item's outcome inside a 207 answer. */
export interface ItemResult {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
}

/**
 * `207 Multi-Status` for a batch call (e.g. Vision One's response actions): every item is handled on its own, one
 * failing does not stop the others, and the answer lists each item's result in request order. `render` shapes an
 * item the vendor's way; by default `{status, headers?, body?}`.
 */
export function multiStatus<T>(
	items: T[],
	handle: (item: T, index: number) => ItemResult,
	render: (result: ItemResult, index: number) => unknown = (result) => result,
): SandboxResponse {
	return { status: 207, body: items.map((item, index) => render(handle(item, index), index)) };
}
