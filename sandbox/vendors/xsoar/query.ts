import type { Incident } from './state';

/**
 * The part of XSOAR's Lucene-like incident query the nodes use: `field:value`, `field:"quoted \"value\""`,
 * `-field:value` (not), `field:>=value` (and >, <, <=) on numbers and dates, `*` wildcards in bare values,
 * terms joined by AND (or a space) and groups by OR. Field names are case-insensitive; custom fields by machine name.
 */
interface Term {
	negate: boolean;
	field: string;
	op: '=' | '>' | '>=' | '<' | '<=';
	value: string;
	quoted: boolean;
}

export class QueryError extends Error {}

const STATUS_NAMES: Record<string, number> = { pending: 0, active: 1, closed: 2, done: 2, archive: 3 };
const SEVERITY_NAMES: Record<string, number> = { unknown: 0, info: 0.5, informational: 0.5, low: 1, medium: 2, high: 3, critical: 4 };

function tokenize(query: string): Array<Term | 'AND' | 'OR'> {
	const out: Array<Term | 'AND' | 'OR'> = [];
	let i = 0;
	const s = query;
	while (i < s.length) {
		if (/\s/.test(s[i])) {
			i++;
			continue;
		}
		const word = /^(and|or)(?=\s|$)/i.exec(s.slice(i));
		if (word) {
			out.push(word[1].toUpperCase() as 'AND' | 'OR');
			i += word[1].length;
			continue;
		}
		const negate = s[i] === '-';
		if (negate) i++;
		const field = /^[A-Za-z_][\w.]*(?=:)/.exec(s.slice(i));
		if (!field) throw new QueryError(`Invalid query near "${s.slice(i, i + 20)}": expected field:value`);
		i += field[0].length + 1;
		const op = /^(>=|<=|>|<)/.exec(s.slice(i));
		if (op) i += op[0].length;
		let value = '';
		let quoted = false;
		if (s[i] === '"') {
			quoted = true;
			i++;
			while (i < s.length && s[i] !== '"') {
				if (s[i] === '\\') i++;
				if (i >= s.length) break;
				value += s[i++];
			}
			if (s[i] !== '"') throw new QueryError('Invalid query: unterminated quoted value');
			i++;
		} else {
			const bare = /^[^\s"()]+/.exec(s.slice(i));
			if (!bare) throw new QueryError(`Invalid query: no value for ${field[0]}`);
			value = bare[0];
			i += bare[0].length;
		}
		out.push({ negate, field: field[0].toLowerCase(), op: (op?.[0] ?? '=') as Term['op'], value, quoted });
	}
	return out;
}

function fieldValue(incident: Incident, field: string): unknown {
	const top = Object.entries(incident).find(([key]) => key.toLowerCase() === field);
	if (top && field !== 'customfields') return top[1];
	const custom = Object.entries(incident.CustomFields).find(([key]) => key.toLowerCase() === field);
	return custom?.[1];
}

function comparable(field: string, raw: string): number | string {
	const lower = raw.toLowerCase();
	if (field === 'status' && lower in STATUS_NAMES) return STATUS_NAMES[lower];
	if (field === 'severity' && lower in SEVERITY_NAMES) return SEVERITY_NAMES[lower];
	if (raw !== '' && !Number.isNaN(Number(raw))) return Number(raw);
	if (/^\d{4}-\d{2}-\d{2}/.test(raw) && !Number.isNaN(Date.parse(raw))) return Date.parse(raw);
	return lower;
}

function matches(incident: Incident, term: Term): boolean {
	const actual = fieldValue(incident, term.field);
	if (actual === undefined || actual === null) return term.negate;
	const left = comparable(term.field, String(actual));
	const right = comparable(term.field, term.value);
	let hit: boolean;
	if (term.op === '=') {
		if (!term.quoted && term.value.includes('*') && typeof left === 'string') {
			const pattern = new RegExp(`^${term.value.toLowerCase().split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
			hit = pattern.test(left);
		} else hit = left === right;
	} else {
		if (typeof left !== typeof right) return term.negate;
		hit = term.op === '>' ? left > right : term.op === '>=' ? left >= right : term.op === '<' ? left < right : left <= right;
	}
	return term.negate ? !hit : hit;
}

/** A predicate for the query; an empty query matches every incident. */
export function incidentQuery(query: string): (incident: Incident) => boolean {
	const groups: Term[][] = [[]];
	for (const token of tokenize(query)) {
		if (token === 'OR') groups.push([]);
		else if (token !== 'AND') groups[groups.length - 1].push(token);
	}
	if (groups.some((g) => g.length === 0) && query.trim() !== '') throw new QueryError('Invalid query: empty OR group');
	return (incident) => groups.some((terms) => terms.every((term) => matches(incident, term)));
}
