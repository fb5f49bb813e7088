import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { searchText } from '../nodes/ConductorOne/helpers/fields';
import { scimString } from '../nodes/Okta/helpers/filter';
import { detailText } from '../nodes/Pam360/helpers/values';
import { condition, queryValue } from '../nodes/ServiceNow/helpers/query';
import { tmv1String } from '../nodes/VisionOne/helpers/filter';
import { targetValues } from '../nodes/VisionOne/helpers/responseAction';
import { pathSegment } from '../nodes/shared/validation';
import { xsoarQuoted } from '../nodes/Xsoar/helpers/query';
import { INJECTION_CORPUS } from './corpus/injection';

/**
 * A helper that puts a value from item data into a vendor query, filter or URL, with a checker for its output: a
 * small parser of the vendor's grammar that says why the output is not exactly ONE literal carrying the input (or
 * undefined when it is). A new vendor adds its helpers here, one entry each.
 */
interface QuotingHelper {
	name: string;
	/** Whether the helper takes a list of values (an array is data to it, each entry checked). */
	list?: true;
	quote(node: INode, value: unknown, itemIndex: number): string;
	notOneLiteral(output: string, input: unknown): string | undefined;
}

const CONTROL = /\p{Cc}/u;

/** The text a value stands for (helpers may trim it); undefined for values that are not text or a number. */
function textOf(input: unknown): string[] | undefined {
	if (typeof input === 'number') return [String(input)];
	if (typeof input === 'string') return [input, input.trim()];
	return undefined;
}

/** SCIM (RFC 7644 §3.4.2.2): one JSON-style string, only `\"` and `\\` escaped, no control characters. */
function scimLiteral(output: string, input: unknown): string | undefined {
	const match = /^"((?:[^"\\\p{Cc}]|\\["\\])*)"$/u.exec(output);
	if (!match) return 'is not exactly one quoted SCIM string';
	const decoded = match[1].replace(/\\(["\\])/g, '$1');
	return textOf(input)?.includes(decoded) ? undefined : `decodes to ${JSON.stringify(decoded)}, not the input`;
}

/** A ServiceNow encoded-query value: runs to the next `^`, so it has none, no control characters, no script. */
function serviceNowValue(value: string): string | undefined {
	if (value.includes('^')) return 'contains "^" (would start a new condition)';
	if (CONTROL.test(value)) return 'contains a control character';
	if (/javascript\s*:/i.test(value)) return 'contains "javascript:" (run as a script by the instance)';
	return undefined;
}

function serviceNowQueryValue(output: string, input: unknown): string | undefined {
	return serviceNowValue(output) ?? (textOf(input)?.includes(output) ? undefined : `is ${JSON.stringify(output)}, not the input`);
}

const FIELD = 'short_description';

/** One encoded-query condition `<field><operator><value>`: no `^` anywhere, the value exactly the input. */
function serviceNowCondition(operator: string) {
	return (output: string, input: unknown): string | undefined => {
		if (output.split('^').length !== 1) return 'is more than one condition';
		if (!output.startsWith(`${FIELD}${operator}`)) return `does not start with ${FIELD}${operator}`;
		const value = output.slice(FIELD.length + operator.length);
		if (operator !== 'IN') return serviceNowQueryValue(value, input);
		// A list condition: the entries the user gave (an array, or a comma-separated text), each one safe value.
		const entries = Array.isArray(input) ? input : typeof input === 'string' ? input.split(',') : [input];
		const expected = entries.map((entry) => (typeof entry === 'string' ? entry.trim() : String(entry)));
		const got = value.split(',');
		if (JSON.stringify(got) !== JSON.stringify(expected)) return `lists ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`;
		return got.map(serviceNowValue).find((problem) => problem !== undefined);
	};
}

/** A TMV1-Filter literal: one single-quoted string whose quotes inside are all doubled, no control characters. */
function tmv1Literal(output: string, input: unknown): string | undefined {
	const match = /^'((?:[^'\p{Cc}]|'')*)'$/u.exec(output);
	if (!match) return 'is not exactly one quoted TMV1-Filter string';
	const decoded = match[1].replace(/''/g, "'");
	return textOf(input)?.includes(decoded) ? undefined : `decodes to ${JSON.stringify(decoded)}, not the input`;
}

/**
 * Vision One response-action targets (account names, endpoints, objects), sent as JSON values: the entries the user
 * gave (a list, or text split at commas and new lines), each one line without control characters.
 */
function visionOneTargets(output: string, input: unknown): string | undefined {
	const got = JSON.parse(output) as unknown[];
	const entries = Array.isArray(input) ? input : typeof input === 'string' ? input.split(/[,\n]/) : [input];
	const expected = [...new Set(entries.map((entry) => (typeof entry === 'string' ? entry.trim() : String(entry))))];
	if (JSON.stringify(got) !== JSON.stringify(expected)) return `lists ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`;
	return got.some((entry) => typeof entry !== 'string' || CONTROL.test(entry) || entry === '') ? 'has an entry that is empty or holds a control character' : undefined;
}

/** One URL path segment: percent-encoded, not `.`/`..` once a URL parser reads it, no encoded separators. */
function urlPathSegment(output: string, input: unknown): string | undefined {
	if (!/^[A-Za-z0-9\-_.!~*'()%]+$/.test(output)) return 'has characters encodeURIComponent never leaves';
	if (/%2f|%5c/i.test(output)) return 'contains an encoded / or \\';
	if (new URL(`https://vendor.example/api/${output}/next`).pathname !== `/api/${output}/next`) return 'is rewritten by the URL parser (a traversal)';
	const decoded = decodeURIComponent(output);
	if (CONTROL.test(decoded)) return 'decodes to a control character';
	return textOf(input)?.includes(decoded) ? undefined : `decodes to ${JSON.stringify(decoded)}, not the input`;
}

/** PAM360 INPUT_DATA: one JSON document whose only Details key carries the input, no control characters. */
function pam360InputData(output: string, input: unknown): string | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(output);
	} catch {
		return 'is not JSON';
	}
	const details = (parsed as { operation?: { Details?: Record<string, unknown> } }).operation?.Details ?? {};
	if (Object.keys(parsed as object).length !== 1 || Object.keys(details).join() !== 'SEARCHVALUE') return 'has other keys than operation.Details.SEARCHVALUE';
	const value = details.SEARCHVALUE;
	if (typeof value !== 'string' || CONTROL.test(value)) return 'is not one line of text';
	return textOf(input)?.includes(value) ? undefined : `carries ${JSON.stringify(value)}, not the input`;
}

/** A ConductorOne search value: sent as one JSON string, so it must be the input itself, without control characters. */
function jsonSearchValue(output: string, input: unknown): string | undefined {
	if (CONTROL.test(output)) return 'contains a control character';
	return textOf(input)?.includes(output) ? undefined : `is ${JSON.stringify(output)}, not the input`;
}

const QUOTING_HELPERS: QuotingHelper[] = [
	{ name: 'Okta scimString', quote: (node, value, i) => scimString(node, value, 'Login', i), notOneLiteral: scimLiteral },
	{ name: 'ServiceNow queryValue', quote: (node, value, i) => queryValue(node, value, 'Correlation ID', i), notOneLiteral: serviceNowQueryValue },
	...['=', 'LIKE', 'IN'].map((operator) => ({
		name: `ServiceNow condition ${operator}`,
		...(operator === 'IN' ? { list: true as const } : {}),
		quote: (node: INode, value: unknown, i: number) => condition(node, { field: FIELD, operator: operator as '=', value, label: 'Short Description' }, i),
		notOneLiteral: serviceNowCondition(operator),
	})),
	{
		name: 'PAM360 INPUT_DATA value',
		quote: (node, value, i) => JSON.stringify({ operation: { Details: { SEARCHVALUE: detailText(node, value, 'Search Value', i, true) } } }),
		notOneLiteral: pam360InputData,
	},
	{ name: 'ConductorOne searchText', quote: (node, value, i) => searchText(node, value, 'Email', i), notOneLiteral: jsonSearchValue },
	{ name: 'shared pathSegment', quote: (node, value, i) => pathSegment(node, value, 'User', i), notOneLiteral: urlPathSegment },
	// XSOAR's Lucene-like phrase has SCIM's grammar: one double-quoted string, only \" and \\ escaped.
	{ name: 'Cortex XSOAR xsoarQuoted', quote: (node, value, i) => xsoarQuoted(node, value, 'Owner', i), notOneLiteral: scimLiteral },
	{ name: 'Vision One tmv1String', quote: (node, value, i) => tmv1String(node, value, 'Entity Value', i), notOneLiteral: tmv1Literal },
	{ name: 'Vision One targetValues', list: true, quote: (node, value, i) => JSON.stringify(targetValues(node, value, 'Accounts', i, 'Give each account as text.')), notOneLiteral: visionOneTargets },
];

const NODE: INode = { id: 'corpus', name: 'Corpus', type: 'n8n-nodes-secops.corpus', typeVersion: 1, position: [0, 0], parameters: {} };
const ITEM_INDEX = 3;

/** A helper refuses bad input with a NodeOperationError; any other error is a crash and fails the case. */
type Outcome = { refused: NodeOperationError } | { output: string } | { crashed: unknown };

function run(helper: QuotingHelper, value: unknown): Outcome {
	try {
		return { output: helper.quote(NODE, value, ITEM_INDEX) };
	} catch (error) {
		return error instanceof NodeOperationError ? { refused: error } : { crashed: error };
	}
}

describe.each(QUOTING_HELPERS)('$name over the injection corpus', (helper) => {
	const cases = INJECTION_CORPUS.map((entry) => ({
		...entry,
		mustRefuse: entry.refuse === 'always' || (entry.refuse === 'unlessList' && !helper.list),
	}));

	describe.each(cases)('$label', ({ value, plain, mustRefuse }) => {
		it(mustRefuse ? 'is refused (fail closed)' : 'is refused with a fix hint, or comes out as exactly one literal', () => {
			const outcome = run(helper, value);
			expect(outcome).not.toHaveProperty('crashed');
			if ('refused' in outcome) {
				expect(plain).toBeUndefined();
				expect(outcome.refused.context.itemIndex).toBe(ITEM_INDEX);
				expect(outcome.refused.description).toEqual(expect.any(String));
			} else if ('output' in outcome) {
				// A value that must be refused shows here with what the helper made of it.
				expect(mustRefuse ? outcome.output : undefined).toBeUndefined();
				expect(helper.notOneLiteral(outcome.output, value)).toBeUndefined();
			}
		});
	});
});

/** The checkers themselves must fail on output that is not one literal, or the corpus test proves nothing. */
describe('the literal checkers catch what a naive helper lets through', () => {
	const checker = (name: string) => QUOTING_HELPERS.find((h) => h.name === name)?.notOneLiteral as QuotingHelper['notOneLiteral'];

	it.each([
		['Okta scimString', '"x" or status eq "ACTIVE"', 'x" or status eq "ACTIVE'],
		['Okta scimString', '"abc\\"', 'abc\\'],
		['Okta scimString', '"a\nb"', 'a\nb'],
		['Okta scimString', '"someone else"', 'alice'],
		['ServiceNow queryValue', 'x^ORactive=true', 'x^ORactive=true'],
		['ServiceNow queryValue', 'javascript:gs.getUserID()', 'javascript:gs.getUserID()'],
		['ServiceNow queryValue', 'a\r\nb', 'a\r\nb'],
		['ServiceNow condition =', 'short_description=a^NQactive=true', 'a^NQactive=true'],
		['ServiceNow condition IN', 'short_descriptionINa,b', ['a,b']],
		['ServiceNow condition IN', 'short_descriptionIN', []],
		['PAM360 INPUT_DATA value', '{"operation":{"Details":{"SEARCHVALUE":"x","LIMIT":1}}}', 'x'],
		['PAM360 INPUT_DATA value', '{"operation":{"Details":{"SEARCHVALUE":"a\\nb"}}}', 'a\nb'],
		['ConductorOne searchText', 'a\nb', 'a\nb'],
		['ConductorOne searchText', 'someone else', 'alice'],
		['Vision One tmv1String', "'x' or severity eq 'low'", "x' or severity eq 'low"],
		['Vision One tmv1String', "'a\nb'", 'a\nb'],
		['Vision One tmv1String', "'someone else'", 'alice'],
		['Vision One targetValues', '["a",""]', 'a,'],
		['Vision One targetValues', '["a\\nb"]', ['a\nb']],
		['Vision One targetValues', '["a"]', ['a', 'b']],
		['shared pathSegment', '../admin', '../admin'],
		['shared pathSegment', '%2e%2e', '..'],
		['shared pathSegment', 'a%2Fb', 'a/b'],
	])('%s: %j', (name, output, input) => {
		expect(checker(name)(output, input)).toEqual(expect.any(String));
	});
});
