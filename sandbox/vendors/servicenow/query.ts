/**
 * ServiceNow's encoded query, as the Table API reads `sysparm_query`: conditions joined by `^` (AND) and `^OR`
 * (OR with the previous condition, so it binds tighter than `^`), whole queries joined by `^NQ` (OR of queries),
 * and `ORDERBY<field>` / `ORDERBYDESC<field>`. There is no quoting: a condition ends at the next `^`.
 * A condition on an unknown column or with an unknown operator is silently ignored, as on a real instance; that is
 * exactly why a value that smuggles in `^OR…` or `^NQ…` widens a query.
 */

export type Rec = Record<string, string>;

interface Condition {
	field: string;
	op: string;
	value: string;
}

export interface ParsedQuery {
	/** OR of branches; each branch is an AND of groups; each group is an OR of conditions. */
	branches: Condition[][][];
	orderBy: Array<{ field: string; desc: boolean }>;
}

// Longest first, so `!=` wins over `=`, `NOT IN` over `IN`, `>=` over `>`.
const OPERATORS = [
	'NOT LIKE', 'NOT IN', 'ISNOTEMPTY', 'ISEMPTY', 'STARTSWITH', 'ENDSWITH', 'LIKE', 'IN', '!=', '>=', '<=', '=', '>', '<',
];

function parseCondition(term: string, columns: Set<string>): Condition | undefined {
	// ServiceNow knows its columns: the field is the longest column name (or dot-walk) the term starts with.
	let best: Condition | undefined;
	for (let end = 1; end <= term.length; end++) {
		const field = term.slice(0, end);
		if (!columns.has(field.split('.')[0])) continue;
		const rest = term.slice(end);
		const op = OPERATORS.find((o) => rest.startsWith(o));
		if (op) best = { field, op, value: rest.slice(op.length) };
	}
	return best;
}

export function parseEncodedQuery(text: string, columns: Set<string>): ParsedQuery {
	const orderBy: ParsedQuery['orderBy'] = [];
	const branches: Condition[][][] = [];
	for (const branchText of text.split('^NQ')) {
		const groups: Condition[][] = [];
		for (const raw of branchText.split('^')) {
			if (raw === '' || raw === 'EQ') continue;
			if (raw.startsWith('ORDERBYDESC')) {
				orderBy.push({ field: raw.slice('ORDERBYDESC'.length), desc: true });
				continue;
			}
			if (raw.startsWith('ORDERBY')) {
				orderBy.push({ field: raw.slice('ORDERBY'.length), desc: false });
				continue;
			}
			const orCondition = raw.startsWith('OR') && groups.length > 0 ? parseCondition(raw.slice(2), columns) : undefined;
			if (orCondition) {
				groups[groups.length - 1].push(orCondition);
				continue;
			}
			const condition = parseCondition(raw, columns);
			if (condition) groups.push([condition]); // invalid parts are ignored
		}
		branches.push(groups);
	}
	return { branches, orderBy };
}

function compare(a: string, b: string): number {
	// Integers compare as numbers (priority, sys_mod_count); everything else, sys_ids and datetimes included, as text.
	if (/^\d{1,15}$/.test(a) && /^\d{1,15}$/.test(b)) return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
}

function test(actual: string, { op, value }: Condition): boolean {
	const lower = actual.toLowerCase();
	const wanted = value.toLowerCase();
	switch (op) {
		case '=':
			return actual === value;
		case '!=':
			return actual !== value;
		case 'LIKE':
			return lower.includes(wanted);
		case 'NOT LIKE':
			return !lower.includes(wanted);
		case 'STARTSWITH':
			return lower.startsWith(wanted);
		case 'ENDSWITH':
			return lower.endsWith(wanted);
		case 'IN':
			return value.split(',').includes(actual);
		case 'NOT IN':
			return !value.split(',').includes(actual);
		case 'ISEMPTY':
			return actual === '';
		case 'ISNOTEMPTY':
			return actual !== '';
		case '>':
			return compare(actual, value) > 0;
		case '>=':
			return compare(actual, value) >= 0;
		case '<':
			return compare(actual, value) < 0;
		case '<=':
			return compare(actual, value) <= 0;
		default:
			return false;
	}
}

/** `resolve(record, 'assignment_group.name')` follows references one level (dot-walking). */
export type FieldResolver = (record: Rec, field: string) => string;

export function matchesQuery(query: ParsedQuery, record: Rec, resolve: FieldResolver): boolean {
	if (query.branches.length === 0) return true;
	return query.branches.some((groups) => groups.every((group) => group.some((c) => test(resolve(record, c.field), c))));
}

export function sortRecords(records: Rec[], orderBy: ParsedQuery['orderBy'], columns: Set<string>): Rec[] {
	const keys = orderBy.filter((o) => columns.has(o.field));
	if (keys.length === 0) return records;
	return [...records].sort((a, b) => {
		for (const { field, desc } of keys) {
			const order = compare(a[field] ?? '', b[field] ?? '');
			if (order !== 0) return desc ? -order : order;
		}
		return 0;
	});
}
