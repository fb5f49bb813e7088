import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * What an operation does to the vendor, in one vocabulary for every node, so that an analyst (or an AI agent using
 * the node as a tool) can choose and knows how to undo: `reads` changes nothing; `contains` cuts an identity's or a
 * host's access (suspend, disable, isolate, revoke); `restores` gives it back; `changes` writes anything else
 * (tickets, notes, records).
 */
export type Effect = 'reads' | 'contains' | 'restores' | 'changes';

interface OperationBase {
	name: string;
	value: string;
	/** n8n's action label, e.g. "Suspend a user". */
	action: string;
	/** What it does, without a full stop: "block sign-in while keeping apps and data". */
	summary: string;
}

/**
 * Containing and restoring operations name their reverse: the operation that undoes them, or `none (why)`.
 * A destructive containment loses data or assignments that its reverse does not bring back.
 */
export type OperationSpec =
	| (OperationBase & { effect: 'reads' })
	| (OperationBase & { effect: 'contains' | 'restores'; reverse: string; destructive?: boolean })
	| (OperationBase & { effect: 'changes'; reverse?: string });

const EFFECT_LABEL: Record<Effect, string> = { reads: 'Reads', contains: 'Contains', restores: 'Restores', changes: 'Changes' };

/** "Contains: block sign-in while keeping apps and data. Reverse: Unsuspend." */
export function operationOption(spec: OperationSpec): INodePropertyOptions {
	const destructive = 'destructive' in spec && spec.destructive ? ' (destructive)' : '';
	const reverse = 'reverse' in spec && spec.reverse ? ` Reverse: ${spec.reverse}.` : '';
	const tail = spec.effect === 'reads' ? ' Changes nothing.' : reverse;
	return {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: `${EFFECT_LABEL[spec.effect]}${destructive}: ${spec.summary}.${tail}`,
	};
}

/** A resource's Operation parameter, its options sorted by name as n8n's UX rules ask. */
export function operationSelector(resource: string, defaultOperation: string, operations: OperationSpec[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map(operationOption).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
