import type { INodeProperties } from 'n8n-workflow';

/** Return All / Limit / Simplify / Dry Run, worded as n8n's UX rules require; each node spreads them per operation. */
export function returnAllOrLimit(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

export function simplify(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show },
	};
}

export function dryRun(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to return the exact request (method, URL, body) this operation would send, without sending it',
		displayOptions: { show },
	};
}

type LocatorMode = NonNullable<INodeProperties['modes']>[number];

export interface LocatorSpec {
	displayName: string;
	name: string;
	/** The node's listSearch method behind "From List". */
	searchListMethod: string;
	/** The other ways to give the record (by login, by number…), after "From List" and before "By ID". */
	modes: LocatorMode[];
	/** The last mode, an ID whose shape the editor checks. */
	id: { displayName?: string; placeholder: string; regex: string; errorMessage: string };
	description?: string;
	required?: boolean;
}

/** A resource locator whose first mode is a searchable "From List" and whose last is the ID, as n8n's UX rules ask. */
export function resourceLocator(spec: LocatorSpec): INodeProperties {
	const { id } = spec;
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(spec.required ? { required: true } : {}),
		...(spec.description ? { description: spec.description } : {}),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: spec.searchListMethod, searchable: true } },
			...spec.modes,
			{
				displayName: id.displayName ?? 'By ID',
				name: 'id',
				type: 'string',
				placeholder: id.placeholder,
				validation: [{ type: 'regex', properties: { regex: id.regex, errorMessage: id.errorMessage } }],
			},
		],
	};
}
