/**
 * PAM360 reads `INPUT_DATA` leniently (org.json style): JSON, or the Python dict repr the Cortex XSOAR integration
 * sends (`{'operation': {'Details': {'REASON': 'x'}}}`, True/False/None). This parser accepts both and nothing looser
 * that would hide a client bug: unquoted keys, trailing garbage and unterminated strings are errors.
 */
export function parseInputData(text: string): unknown {
	const parser = new LenientParser(text);
	const value = parser.value();
	parser.end();
	return value;
}

/** `operation.Details` of an INPUT_DATA text (an empty object when absent); throws on text that does not parse. */
export function detailsOf(text: string | null | undefined): Record<string, unknown> {
	if (text === null || text === undefined || text.trim() === '') return {};
	const parsed = parseInputData(text) as { operation?: { Details?: unknown } } | null;
	const details = parsed?.operation?.Details;
	if (details === undefined) return {};
	if (!details || typeof details !== 'object' || Array.isArray(details)) throw new Error('operation.Details must be an object');
	return details as Record<string, unknown>;
}

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const WORDS: Record<string, unknown> = { true: true, false: false, null: null, True: true, False: false, None: null };

class LenientParser {
	private at = 0;

	constructor(private readonly text: string) {}

	end(): void {
		this.space();
		if (this.at !== this.text.length) this.fail('unexpected text after the value');
	}

	value(): unknown {
		this.space();
		const c = this.text[this.at];
		if (c === '{') return this.object();
		if (c === '[') return this.array();
		if (c === '"' || c === "'") return this.string();
		const word = /^(?:true|false|null|True|False|None)\b/.exec(this.text.slice(this.at))?.[0];
		if (word) {
			this.at += word.length;
			return WORDS[word];
		}
		const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at))?.[0];
		if (number) {
			this.at += number.length;
			return Number(number);
		}
		return this.fail('expected a value');
	}

	private object(): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		this.at++;
		this.space();
		if (this.text[this.at] === '}') {
			this.at++;
			return out;
		}
		for (;;) {
			this.space();
			const c = this.text[this.at];
			if (c !== '"' && c !== "'") this.fail('expected a quoted key');
			const key = this.string();
			this.expect(':');
			out[key] = this.value();
			this.space();
			if (this.text[this.at] === ',') {
				this.at++;
				continue;
			}
			this.expect('}');
			return out;
		}
	}

	private array(): unknown[] {
		const out: unknown[] = [];
		this.at++;
		this.space();
		if (this.text[this.at] === ']') {
			this.at++;
			return out;
		}
		for (;;) {
			out.push(this.value());
			this.space();
			if (this.text[this.at] === ',') {
				this.at++;
				continue;
			}
			this.expect(']');
			return out;
		}
	}

	private string(): string {
		const quote = this.text[this.at++];
		let out = '';
		while (this.at < this.text.length) {
			const c = this.text[this.at++];
			if (c === quote) return out;
			if (c !== '\\') {
				out += c;
				continue;
			}
			const e = this.text[this.at++];
			if (e === 'u') {
				const hex = this.text.slice(this.at, this.at + 4);
				if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
				out += String.fromCharCode(parseInt(hex, 16));
				this.at += 4;
			} else if (e in ESCAPES) {
				out += ESCAPES[e];
			} else {
				this.fail(`bad escape \\${e}`);
			}
		}
		return this.fail('unterminated string');
	}

	private expect(c: string): void {
		this.space();
		if (this.text[this.at] !== c) this.fail(`expected "${c}"`);
		this.at++;
	}

	private space(): void {
		while (/\s/.test(this.text[this.at] ?? '')) this.at++;
	}

	private fail(why: string): never {
		throw new Error(`INPUT_DATA is not valid: ${why} at character ${this.at}`);
	}
}
