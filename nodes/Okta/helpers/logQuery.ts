import type { IDataObject, INode } from 'n8n-workflow';

import { andExpressions, scimEquals } from './filter';

/** Safe System Log filters: each value is quoted and escaped, the clauses joined with `and`. */
export interface LogFilters {
	eventType?: string;
	actorLogin?: string;
	targetId?: string;
	ipAddress?: string;
	outcome?: string;
}

export function logFilterExpression(node: INode, itemIndex: number, filters: LogFilters, raw?: string): string | undefined {
	const safe = scimEquals(node, itemIndex, filters as IDataObject, [
		['eventType', 'eventType', 'Event Type'],
		['actorLogin', 'actor.alternateId', 'Actor Login'],
		['targetId', 'target.id', 'Target ID'],
		['ipAddress', 'client.ipAddress', 'IP Address'],
		['outcome', 'outcome.result', 'Outcome'],
	]);
	return andExpressions(safe, raw);
}

export function withoutEmpty(qs: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(qs).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
