import type { Clock } from '../../framework/clock';

/** XSOAR severity (0 unknown, 0.5 informational, 1 low, 2 medium, 3 high, 4 critical) and status enums. */
export const SEVERITIES = [0, 0.5, 1, 2, 3, 4] as const;
export const STATUS = { pending: 0, active: 1, done: 2, archive: 3 } as const;

export interface Label {
	type: string;
	value: string;
}

export interface Incident {
	id: string;
	version: number;
	name: string;
	type: string;
	severity: number;
	status: number;
	details: string;
	owner: string;
	playbookId: string;
	labels: Label[];
	CustomFields: Record<string, unknown>;
	rawJSON: string;
	occurred: string;
	created: string;
	modified: string;
	closed: string;
	closeReason: string;
	closeNotes: string;
	closingUserId: string;
	investigationId: string;
	sourceBrand: string;
	sourceInstance: string;
}

export interface Entry {
	id: string;
	investigationId: string;
	type: number;
	format: 'text' | 'markdown';
	contents: string;
	note: boolean;
	tags: string[];
	user: string;
	created: string;
	modified: string;
	version: number;
}

export interface Investigation {
	id: string;
	/** 0 open, 1 closed, as XSOAR's investigation status. */
	status: number;
	entries: Entry[];
}

export interface ApiKey {
	/** The user whose roles the key inherits. */
	userId: string;
	/** XSOAR 8 key ID (`x-xdr-auth-id`); undefined for an XSOAR 6 key. */
	keyId?: string;
	level?: 'standard' | 'advanced';
}

/** Users and roles as `GET /users` and `GET /roles` return them; roles per scope (`roles` is the default scope). */
export interface XsoarUser {
	id: string;
	version: number;
	username: string;
	name: string;
	firstName: string;
	lastName: string;
	email: string;
	roles: Record<string, string[]>;
	disabled: boolean;
}

export interface XsoarRole {
	id: string;
	version: number;
	name: string;
	permissions: string[];
}

export interface XsoarState {
	clock: Clock;
	incidents: Incident[];
	investigations: Map<string, Investigation>;
	users: XsoarUser[];
	roles: XsoarRole[];
	/** Authorization value → key; for v8 keys the map key is the key itself as well. */
	keys: Map<string, ApiKey & { secret: string }>;
	/** Advanced-key nonces already seen (replays are refused). */
	nonces: Set<string>;
	nextIncident: number;
	nextEntry: number;
	/**
	 * Another analyst editing an incident right after each of the next `times` reads of it (admin `concurrentEdit`):
	 * the edit bumps its version, so a write based on that read meets a version conflict.
	 */
	concurrentEdits: Map<string, { times: number; changes: Partial<Incident> }>;
}

export const SAMPLE_V6_KEY = 'sandbox-xsoar6-api-key-example-0001';
export const SAMPLE_V8_KEY = 'sandbox-xsoar8-standard-key-example-0007';
export const SAMPLE_V8_KEY_ID = '7';
export const SAMPLE_V8_ADVANCED_KEY = 'sandbox-xsoar8-advanced-key-example-0008';
export const SAMPLE_V8_ADVANCED_KEY_ID = '8';
export const READ_ONLY_V6_KEY = 'sandbox-xsoar6-read-only-key-example-0002';
/** The user every sample key acts as (the integration's service account). */
export const API_USER = 'soar-bot';

const iso = (ms: number) => new Date(ms).toISOString();

function seedUsers(): XsoarUser[] {
	const user = (username: string, firstName: string, lastName: string, roles: string[], disabled = false): XsoarUser => ({
		id: username,
		version: 1,
		username,
		name: `${firstName} ${lastName}`,
		firstName,
		lastName,
		email: `${username}@acme.example`,
		roles: { roles },
		disabled,
	});
	return [
		user('admin', 'XSOAR', 'Administrator', ['Administrator']),
		user(API_USER, 'SOAR', 'Integration', ['Administrator']),
		user('alice', 'Alice', 'Analyst', ['Analyst']),
		user('bob', 'Bob', 'Responder', ['Analyst', 'Incident Responder']),
		user('carol', 'Carol', 'Auditor', ['Read-Only']),
		user('dave', 'Dave', 'Former', ['Analyst'], true),
		user('erin', 'Erin', 'Reader', ['Read-Only']),
	];
}

function seedRoles(): XsoarRole[] {
	const role = (id: string, permissions: string[]): XsoarRole => ({ id, version: 1, name: id, permissions });
	return [
		role('Administrator', ['adminPage', 'incidents.write', 'incidents.read', 'users.write', 'users.read', 'playbooks.write']),
		role('Analyst', ['incidents.write', 'incidents.read', 'playbooks.read']),
		role('Incident Responder', ['incidents.write', 'incidents.read', 'playbooks.write']),
		role('Read-Only', ['incidents.read', 'playbooks.read']),
	];
}

export function blankIncident(id: string, now: number): Incident {
	return {
		id,
		version: 1,
		name: '',
		type: 'Unclassified',
		severity: 0,
		status: STATUS.pending,
		details: '',
		owner: '',
		playbookId: '',
		labels: [],
		CustomFields: {},
		rawJSON: '',
		occurred: iso(now),
		created: iso(now),
		modified: iso(now),
		closed: '0001-01-01T00:00:00Z',
		closeReason: '',
		closeNotes: '',
		closingUserId: '',
		investigationId: '',
		sourceBrand: 'Manual',
		sourceInstance: '',
	};
}

const SEEDED_ENTRIES: Array<[string, string[], number]> = [
	['Sign-in from Lagos, then Oslo within 40 minutes', ['evidence'], 5],
	['Confirmed with dave: he was travelling with a VPN', [], 20],
	['VPN exit node 198.51.100.7 matches the second sign-in', ['evidence', 'network'], 40],
];

function seededEntry(id: string, investigationId: string, contents: string, tags: string[], at: string): Entry {
	return { id, investigationId, type: 1, format: 'text', contents, note: false, tags, user: 'alice', created: at, modified: at, version: 1 };
}

function seedIncidents(now: number): { incidents: Incident[]; investigations: Map<string, Investigation> } {
	const investigations = new Map<string, Investigation>();
	const seeded: Array<Partial<Incident> & { ageHours: number }> = [
		{ name: 'Phishing reported by finance', type: 'Phishing', severity: 2, status: STATUS.active, owner: 'alice', ageHours: 72 },
		{ name: 'Malware on WS-0042', type: 'Malware', severity: 3, status: STATUS.active, owner: 'bob', ageHours: 48, CustomFields: { externalkey: 'WB-1001' } },
		{ name: 'Impossible travel for dave', type: 'Access', severity: 1, status: STATUS.done, ageHours: 30, closeReason: 'Resolved' },
		{ name: 'Port scan from 10.0.0.7', type: 'Network', severity: 0.5, status: STATUS.pending, ageHours: 20 },
		{ name: 'Ransomware note on FS-01', type: 'Malware', severity: 4, status: STATUS.active, owner: 'alice', ageHours: 6 },
	];
	const incidents = seeded.map(({ ageHours, ...fields }, i) => {
		const at = now - ageHours * 3_600_000;
		const incident = { ...blankIncident(String(i + 1), at), ...fields };
		if (incident.status !== STATUS.pending) {
			incident.investigationId = incident.id;
			investigations.set(incident.id, { id: incident.id, status: incident.status === STATUS.done ? 1 : 0, entries: [] });
		}
		if (incident.status === STATUS.done) incident.closed = iso(at + 3_600_000);
		return incident;
	});
	// The closed incident's War Room keeps what was written while it was open.
	const openedAt = now - 30 * 3_600_000;
	investigations.get('3')!.entries = SEEDED_ENTRIES.map(([contents, tags, minutes], i) =>
		seededEntry(`${i + 1}@3`, '3', contents, tags, iso(openedAt + minutes * 60_000)),
	);
	return { incidents, investigations };
}

export function createXsoarState(clock: Clock): XsoarState {
	const { incidents, investigations } = seedIncidents(clock.now());
	return {
		clock,
		incidents,
		investigations,
		users: seedUsers(),
		roles: seedRoles(),
		keys: new Map([
			[SAMPLE_V6_KEY, { userId: API_USER, secret: SAMPLE_V6_KEY }],
			[READ_ONLY_V6_KEY, { userId: 'erin', secret: READ_ONLY_V6_KEY }],
			[SAMPLE_V8_KEY, { userId: API_USER, keyId: SAMPLE_V8_KEY_ID, level: 'standard', secret: SAMPLE_V8_KEY }],
			[SAMPLE_V8_ADVANCED_KEY, { userId: API_USER, keyId: SAMPLE_V8_ADVANCED_KEY_ID, level: 'advanced', secret: SAMPLE_V8_ADVANCED_KEY }],
		]),
		nonces: new Set(),
		nextIncident: incidents.length + 1,
		nextEntry: SEEDED_ENTRIES.length + 1,
		concurrentEdits: new Map(),
	};
}
