/**
 * Hostile values, as alert data can carry them into a vendor query, filter or URL. Every vendor's quoting helper runs
 * over all of them (test/injection-corpus.test.ts): each value is refused, or comes out as exactly one literal.
 * Add a value here when a vendor's grammar has a new way to break out; every helper is then tested against it.
 */
export interface CorpusEntry {
	label: string;
	value: unknown;
	/** Ordinary data every helper must accept, so that a helper refusing everything cannot pass. */
	plain?: true;
	/**
	 * Fail closed: a value that is empty or not text must be refused, never turned into a dropped or empty condition.
	 * `unlessList`: refused by helpers that take one value; a list helper (ServiceNow `IN`) takes its entries.
	 */
	refuse?: 'always' | 'unlessList';
}

export const INJECTION_CORPUS: CorpusEntry[] = [
	// Ordinary values.
	{ label: 'an email address', value: 'alice.anders@acme.example', plain: true },
	{ label: 'an incident number', value: 'INC0010001', plain: true },
	{ label: 'accented and CJK text', value: 'Zoë Müller 名前', plain: true },
	{ label: 'a number', value: 42, plain: true },
	// Quotes and escapes (SCIM, JSON-ish string grammars).
	{ label: 'a double quote', value: 'a"b' },
	{ label: 'only a double quote', value: '"' },
	{ label: 'a backslash', value: 'a\\b' },
	{ label: 'a trailing backslash', value: 'abc\\' },
	{ label: 'an escaped quote', value: '\\"' },
	{ label: 'a SCIM or-injection', value: 'x" or status eq "ACTIVE' },
	{ label: 'a SCIM presence test', value: '" pr' },
	{ label: 'SCIM parentheses', value: 'x") or (id pr' },
	{ label: 'parentheses', value: '(a) or (b)' },
	// ServiceNow encoded query.
	{ label: 'a caret', value: 'a^b' },
	{ label: 'a ^NQ new query', value: '^NQactive=true' },
	{ label: 'a ^OR condition', value: 'x^ORactive=true' },
	{ label: 'an ^ORDERBY', value: 'x^ORDERBYsys_created_on' },
	{ label: 'a ^EQ terminator', value: 'x^EQ' },
	{ label: 'a comma (a list separator)', value: 'a,b' },
	{ label: 'javascript:', value: 'javascript:gs.getUserID()' },
	{ label: 'JavaScript with spaces', value: 'JavaScript :new GlideRecord("sys_user")' },
	// Trend Vision One TMV1-Filter (single-quoted values).
	{ label: 'a single quote', value: "it's" },
	{ label: 'a TMV1-Filter or-injection', value: "host' or endpointName eq 'x" },
	// Cortex XSOAR (Lucene-style queries).
	{ label: 'a Lucene OR', value: 'alice OR status:closed' },
	{ label: 'a Lucene wildcard', value: '*' },
	{ label: 'a Lucene field', value: 'owner:admin' },
	{ label: 'Lucene AND NOT', value: 'a AND NOT b' },
	// Line breaks and control characters.
	{ label: 'CR/LF', value: 'a\r\nb' },
	{ label: 'a lone LF', value: '\n' },
	{ label: 'a header injection', value: 'x\r\nAuthorization: SSWS stolen' },
	{ label: 'a tab', value: 'a\tb' },
	{ label: 'a NUL', value: 'a\u0000b' },
	{ label: 'an escape character', value: 'a\u001bb' },
	{ label: 'a Unicode line separator', value: 'a\u2028b' },
	{ label: 'a Unicode paragraph separator', value: 'a\u2029b' },
	{ label: 'a right-to-left override', value: 'a\u202eb' },
	{ label: 'a zero-width space', value: '\u200b' },
	// Paths.
	{ label: 'a traversal', value: '../admin' },
	{ label: 'a slash', value: 'a/b' },
	{ label: 'a backslash path', value: 'a\\..\\b' },
	{ label: 'dot-dot', value: '..' },
	{ label: 'an encoded traversal', value: '%2e%2e' },
	{ label: 'an encoded slash', value: 'a%2Fb' },
	{ label: 'a query string', value: 'id?admin=true#x' },
	// Size.
	{ label: 'a very long value', value: 'a'.repeat(10_000) },
	{ label: 'a value just over 512', value: 'b'.repeat(513) },
	// Empty, missing and not text.
	{ label: 'an empty string', value: '', refuse: 'always' },
	{ label: 'whitespace', value: '   ', refuse: 'always' },
	{ label: 'a tab only', value: '\t', refuse: 'always' },
	{ label: 'null', value: null, refuse: 'always' },
	{ label: 'undefined', value: undefined, refuse: 'always' },
	{ label: 'an object', value: { id: 'x' }, refuse: 'always' },
	{ label: 'an object with toString', value: { toString: () => 'x" or "1" eq "1' }, refuse: 'always' },
	{ label: 'an empty array', value: [], refuse: 'always' },
	{ label: 'an array', value: ['a', 'b'], refuse: 'unlessList' },
	{ label: 'an array with a caret', value: ['a', 'b^ORactive=true'] },
	{ label: 'an array entry with a comma', value: ['a,b'] },
	{ label: 'a boolean', value: true, refuse: 'always' },
	{ label: 'zero', value: 0 },
	{ label: 'a negative fraction', value: -1.5 },
	{ label: 'NaN', value: Number.NaN, refuse: 'always' },
	{ label: 'Infinity', value: Number.POSITIVE_INFINITY, refuse: 'always' },
];
