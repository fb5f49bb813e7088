import type { IDataObject } from 'n8n-workflow';

/**
 * ConductorOne returns related objects once in `expanded[]` and points at them from a view's `…Path` fields
 * (`appPath: "$.expanded[0]"`). This puts each one in place: `appPath` becomes `app`, without its `@type`.
 */
export function withExpanded(view: IDataObject, expanded: unknown): IDataObject {
	const list = Array.isArray(expanded) ? (expanded as IDataObject[]) : [];
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(view)) {
		const index = typeof value === 'string' && key.endsWith('Path') ? /^\$\.expanded\[(\d+)\]$/.exec(value)?.[1] : undefined;
		const target = index === undefined ? undefined : list[Number(index)];
		if (!target) {
			out[key] = value;
			continue;
		}
		const object = { ...target };
		delete object['@type'];
		out[key.slice(0, -'Path'.length)] = object;
	}
	return out;
}
