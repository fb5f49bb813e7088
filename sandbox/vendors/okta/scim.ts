/**
 * The SCIM filter subset Okta accepts in `filter` and `search` (users, groups, System Log):
 * `eq ne gt ge lt le sw ew co pr`, `and`, `or`, `not`, parentheses, double-quoted strings with `\"` escapes.
 * A malformed expression throws, and the route answers Okta's 400.
 */

type Token = { kind: 'word' | 'string' | 'lparen' | 'rparen'; value: string };
type Node =
	| { op: 'and' | 'or'; left: Node; right: Node }
	| { op: 'not'; expr: Node }
	| { op: 'cmp'; attr: string; cmp: string; value?: string | number | boolean | null };

const COMPARATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sw', 'ew', 'co', 'pr']);

export class ScimError extends Error {}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === '(' || c === ')') {
			tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', value: c });
			i++;
		} else if (c === '"') {
			let value = '';
			i++;
			while (i < text.length && text[i] !== '"') {
				if (text[i] === '\\' && i + 1 < text.length) i++;
				value += text[i++];
			}
			if (text[i] !== '"') throw new ScimError('Unterminated string in filter');
			i++;
			tokens.push({ kind: 'string', value });
		} else {
			const match = /^[^\s()"]+/.exec(text.slice(i));
			if (!match) throw new ScimError(`Unexpected character ${c}`);
			tokens.push({ kind: 'word', value: match[0] });
			i += match[0].length;
		}
	}
	return tokens;
}

export function parseScim(text: string): Node {
	const tokens = tokenize(text);
	let pos = 0;
	const peekWord = () => (tokens[pos]?.kind === 'word' ? tokens[pos].value.toLowerCase() : undefined);

	const parseOr = (): Node => {
		let left = parseAnd();
		while (peekWord() === 'or') {
			pos++;
			left = { op: 'or', left, right: parseAnd() };
		}
		return left;
	};
	const parseAnd = (): Node => {
		let left = parseUnary();
		while (peekWord() === 'and') {
			pos++;
			left = { op: 'and', left, right: parseUnary() };
		}
		return left;
	};
	const parseUnary = (): Node => {
		if (peekWord() === 'not') {
			pos++;
			return { op: 'not', expr: parseUnary() };
		}
		if (tokens[pos]?.kind === 'lparen') {
			pos++;
			const inner = parseOr();
			if (tokens[pos]?.kind !== 'rparen') throw new ScimError('Missing closing parenthesis');
			pos++;
			return inner;
		}
		const attr = tokens[pos++];
		const cmp = tokens[pos++];
		if (attr?.kind !== 'word' || cmp?.kind !== 'word' || !COMPARATORS.has(cmp.value.toLowerCase())) {
			throw new ScimError('Invalid filter expression');
		}
		const op = cmp.value.toLowerCase();
		if (op === 'pr') return { op: 'cmp', attr: attr.value, cmp: op };
		const raw = tokens[pos++];
		if (!raw || raw.kind === 'lparen' || raw.kind === 'rparen') throw new ScimError('Missing value in filter');
		let value: string | number | boolean | null = raw.value;
		if (raw.kind === 'word') {
			if (raw.value === 'true' || raw.value === 'false') value = raw.value === 'true';
			else if (raw.value === 'null') value = null;
			else if (/^-?\d+(\.\d+)?$/.test(raw.value)) value = Number(raw.value);
			else throw new ScimError(`Invalid value ${raw.value}: strings must be quoted`);
		}
		return { op: 'cmp', attr: attr.value, cmp: op, value };
	};

	const tree = parseOr();
	if (pos !== tokens.length) throw new ScimError('Unexpected text after filter expression');
	return tree;
}

function resolve(record: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value && typeof value === 'object') return (value as Record<string, unknown>)[key];
		return undefined;
	}, record);
}

/** Evaluates a parsed filter against a record; string comparisons are case-insensitive, as in Okta search. */
export function matches(node: Node, record: unknown): boolean {
	if (node.op === 'not') return !matches(node.expr, record);
	if (node.op !== 'cmp') {
		return node.op === 'and'
			? matches(node.left, record) && matches(node.right, record)
			: matches(node.left, record) || matches(node.right, record);
	}
	const actual = resolve(record, node.attr);
	if (node.cmp === 'pr') return actual !== undefined && actual !== null && actual !== '';
	const values = Array.isArray(actual) ? actual : [actual];
	return values.some((one) => compare(one, node.cmp, node.value));
}

function compare(actual: unknown, cmp: string, expected: unknown): boolean {
	const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
	const e = typeof expected === 'string' ? expected.toLowerCase() : expected;
	switch (cmp) {
		case 'eq':
			return a === e;
		case 'ne':
			return a !== e;
		case 'sw':
			return typeof a === 'string' && typeof e === 'string' && a.startsWith(e);
		case 'ew':
			return typeof a === 'string' && typeof e === 'string' && a.endsWith(e);
		case 'co':
			return typeof a === 'string' && typeof e === 'string' && a.includes(e);
		default: {
			if (a === undefined || a === null || e === undefined || e === null) return false;
			const order = (a as string | number) < (e as string | number) ? -1 : a === e ? 0 : 1;
			return cmp === 'gt' ? order > 0 : cmp === 'ge' ? order >= 0 : cmp === 'lt' ? order < 0 : order <= 0;
		}
	}
}

/** The parsed filter, or the reason it does not parse (routes answer Okta's 400 with it). */
export function tryParseScim(text: string): ReturnType<typeof parseScim> | ScimError {
	try {
		return parseScim(text);
	} catch (error) {
		return error instanceof ScimError ? error : new ScimError(String(error));
	}
}
