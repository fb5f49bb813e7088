/**
 * The `TMV1-Filter` grammar (OData-like): `field eq 'value'`, `and`, `or`, `not`, parentheses and
 * `contains(field,'text')`; a quote inside a literal is doubled (`'O''Brien'`). Parsed to a predicate over a record
 * whose fields are read by `valuesOf` (a field may hold several values, e.g. every impact-scope entity value).
 */
export type Predicate<T> = (record: T) => boolean;

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'punct'; text: '(' | ')' | ',' };

function tokenize(filter: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < filter.length) {
		const c = filter[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === '(' || c === ')' || c === ',') {
			tokens.push({ kind: 'punct', text: c });
			i++;
		} else if (c === "'") {
			let text = '';
			i++;
			for (;;) {
				if (i >= filter.length) throw new Error('unterminated string literal');
				if (filter[i] === "'") {
					if (filter[i + 1] === "'") {
						text += "'";
						i += 2;
						continue;
					}
					i++;
					break;
				}
				text += filter[i++];
			}
			tokens.push({ kind: 'string', text });
		} else {
			const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(filter.slice(i));
			if (!match) throw new Error(`unexpected character "${c}" at ${i}`);
			tokens.push({ kind: 'word', text: match[0] });
			i += match[0].length;
		}
	}
	return tokens;
}

export function parseFilter<T>(filter: string, fields: Record<string, (record: T) => string[]>): Predicate<T> {
	const tokens = tokenize(filter);
	let at = 0;
	const peek = () => tokens[at];
	const isWord = (word: string) => peek()?.kind === 'word' && peek()!.text.toLowerCase() === word;
	const expect = (kind: Token['kind'], text?: string): Token => {
		const token = tokens[at++];
		if (!token || token.kind !== kind || (text !== undefined && token.text !== text)) {
			throw new Error(`expected ${text ?? kind} at token ${at}${token ? ` but found "${token.text}"` : ''}`);
		}
		return token;
	};
	const field = (): ((record: T) => string[]) => {
		const name = expect('word').text;
		const read = fields[name];
		if (!read) throw new Error(`unknown field "${name}" (filterable: ${Object.keys(fields).join(', ')})`);
		return read;
	};
	const primary = (): Predicate<T> => {
		if (peek()?.kind === 'punct' && peek()!.text === '(') {
			at++;
			const inner = or();
			expect('punct', ')');
			return inner;
		}
		if (isWord('contains') && tokens[at + 1]?.kind === 'punct' && tokens[at + 1].text === '(') {
			at += 2;
			const read = field();
			expect('punct', ',');
			const text = expect('string').text.toLowerCase();
			expect('punct', ')');
			return (record) => read(record).some((value) => value.toLowerCase().includes(text));
		}
		const read = field();
		if (!isWord('eq')) throw new Error(`expected "eq" after a field name at token ${at + 1}`);
		at++;
		const wanted = expect('string').text;
		return (record) => read(record).some((value) => value === wanted);
	};
	const unary = (): Predicate<T> => {
		if (isWord('not')) {
			at++;
			const inner = unary();
			return (record) => !inner(record);
		}
		return primary();
	};
	const and = (): Predicate<T> => {
		let left = unary();
		while (isWord('and')) {
			at++;
			const l = left;
			const r = unary();
			left = (record) => l(record) && r(record);
		}
		return left;
	};
	const or = (): Predicate<T> => {
		let left = and();
		while (isWord('or')) {
			at++;
			const l = left;
			const r = and();
			left = (record) => l(record) || r(record);
		}
		return left;
	};
	const predicate = or();
	if (at !== tokens.length) throw new Error(`unexpected "${tokens[at].text}" at token ${at + 1}`);
	return predicate;
}
