/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import { createHash, randomBytes } from 'node:crypto';

import { TokenStore } from '../../framework/auth';
import { Clock } from '../../framework/clock';
import type { Rec } from './query';
import { TABLES } from './schema';

/** A ServiceNow instance as the sandbox simulates it: tables of string-valued records, accounts, OAuth. */
export interface ServiceNowState {
	tables: Record<string, Rec[]>;
	nextIncidentNumber: number;
	/** File bytes of `sys_attachment` rows, by sys_id. */
	attachmentContent: Map<string, Buffer>;
	/** Basic-auth accounts: user_name → password. */
	accounts: Map<string, string>;
	oauthClients: Map<string, { secret: string; applicationUser: string }>;
	tokens: TokenStore<{ user: string; expiresAt: number }>;
	refreshTokens: Map<string, { user: string; clientId: string }>;
	/** `glide.oauth.inbound.client.credential.grant_type.enabled`, off by default on real instances; on here. */
	clientCredentialsEnabled: boolean;
	tokenLifetimeSeconds: number;
	/** The instance clock: frozen at a time, or real time shifted by an offset (tests control same-second updates). */
	clock: Clock;
	/** Called before each list page is served; tests use it to change records while a client is paging. */
	beforeList: Array<(table: string, offset: number) => void>;
}

export const SAMPLE_USER = 'soc.integration';
export const SAMPLE_PASSWORD = 'sandbox-servicenow-password';
export const SAMPLE_CLIENT_ID = 'sandbox-oauth-client-0001';
export const SAMPLE_CLIENT_SECRET = 'sandbox-oauth-secret-0001';

export function nowMs(state: ServiceNowState): number {
	return state.clock.now();
}

/** ServiceNow datetimes: `YYYY-MM-DD HH:MM:SS`, UTC, one-second resolution. */
export function snTime(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

export function newSysId(): string {
	return randomBytes(16).toString('hex');
}

/** Deterministic 32-hex sys_id for seed data. */
export function seedSysId(key: string): string {
	return createHash('md5').update(`servicenow-sandbox:${key}`).digest('hex');
}

const BASE = Date.parse('2026-01-05T09:00:00.000Z');
const at = (minutes: number) => snTime(BASE + minutes * 60_000);

function system(key: string, minutes: number, by = 'admin'): Rec {
	return {
		sys_id: seedSysId(key),
		sys_created_on: at(minutes),
		sys_created_by: by,
		sys_updated_on: at(minutes),
		sys_updated_by: by,
		sys_mod_count: '0',
	};
}

const PEOPLE: Array<[string, string, string, string]> = [
	['admin', 'System', 'Administrator', 'IT'],
	[SAMPLE_USER, 'SOC', 'Integration', 'Security'],
	['alice.chen', 'Alice', 'Chen', 'Security'],
	['bob.okafor', 'Bob', 'Okafor', 'Security'],
	['carol.diaz', 'Carol', 'Diaz', 'Security'],
	['dan.ito', 'Dan', 'Ito', 'Network'],
	['erin.fischer', 'Erin', 'Fischer', 'Service Desk'],
	['frank.garcia', 'Frank', 'Garcia', 'Finance'],
	['grace.hughes', 'Grace', 'Hughes', 'Engineering'],
	['heidi.jones', 'Heidi', 'Jones', 'Sales'],
	['ivan.brown', 'Ivan', 'Brown', 'Database'],
	['judy.evans', 'Judy', 'Evans', 'Identity'],
];

const GROUPS: Array<[string, string, string[]]> = [
	['Security Operations', 'SOC analysts: triage and response', ['alice.chen', 'bob.okafor', 'carol.diaz', SAMPLE_USER]],
	['Identity and Access Management', 'Accounts, SSO and MFA', ['judy.evans', 'alice.chen']],
	['Network', 'Network operations', ['dan.ito']],
	['Service Desk', 'First-line support', ['erin.fischer']],
	['Database', 'DBA team', ['ivan.brown']],
];

export const userId = (userName: string) => seedSysId(`user:${userName}`);
export const groupId = (name: string) => seedSysId(`group:${name}`);

function seedIncidents(): Rec[] {
	const rows: Array<[string, string, string, string, string, string, string, string]> = [
		// short description, category, impact, urgency, state, group, assignee, correlation id
		['Phishing email reported by finance user', 'inquiry', '2', '2', '2', 'Security Operations', 'alice.chen', 'okta-evt-0001'],
		['Impossible travel sign-in for grace.hughes', 'inquiry', '2', '1', '1', 'Security Operations', '', 'okta-evt-0002'],
		['VPN concentrator unreachable', 'network', '1', '1', '2', 'Network', 'dan.ito', ''],
		['Laptop does not boot', 'hardware', '3', '3', '1', 'Service Desk', 'erin.fischer', ''],
		['Malware detected on FIN-LT-042', 'software', '1', '2', '3', 'Security Operations', 'bob.okafor', 'tvo-wb-7781'],
		['Database backup failed', 'database', '2', '3', '6', 'Database', 'ivan.brown', ''],
		['MFA reset request', 'inquiry', '3', '2', '7', 'Identity and Access Management', 'judy.evans', ''],
		['Suspicious PowerShell on SRV-APP-07', 'software', '1', '1', '2', 'Security Operations', 'carol.diaz', 'tvo-wb-7790'],
	];
	return rows.map(([short, category, impact, urgency, state, group, assignee, correlation], n) => {
		const minutes = 600 + n * 45;
		const resolved = state === '6' || state === '7';
		return {
			...system(`incident:${n}`, minutes),
			sys_updated_on: at(minutes + 30),
			sys_mod_count: '3',
			number: `INC00${10001 + n}`,
			short_description: short,
			description: `${short}. Seeded by the ServiceNow sandbox.`,
			caller_id: userId(PEOPLE[6 + (n % 5)][0]),
			category,
			subcategory: '',
			impact,
			urgency,
			priority: String(Math.min(5, Number(impact) + Number(urgency) - 1)),
			severity: '3',
			state,
			incident_state: state,
			active: state === '7' || state === '8' ? 'false' : 'true',
			assignment_group: groupId(group),
			assigned_to: assignee ? userId(assignee) : '',
			correlation_id: correlation,
			correlation_display: correlation ? 'SecOps' : '',
			work_notes: '',
			comments: '',
			comments_and_work_notes: '',
			close_code: resolved ? 'Solution provided' : '',
			close_notes: resolved ? 'Fixed by the seed.' : '',
			contact_type: 'email',
			opened_at: at(minutes),
			opened_by: userId('admin'),
			resolved_at: resolved ? at(minutes + 30) : '',
			resolved_by: resolved ? userId('admin') : '',
			closed_at: state === '7' ? at(minutes + 30) : '',
			hold_reason: '',
			sys_class_name: 'incident',
			escalation: '0',
			cmdb_ci: '',
		};
	});
}

export function createServiceNowState(clock = new Clock()): ServiceNowState {
	const users = PEOPLE.map(([userName, first, last, department], n) => ({
		...system(`user:${userName}`, n),
		sys_id: userId(userName),
		user_name: userName,
		first_name: first,
		last_name: last,
		name: `${first} ${last}`,
		email: `${userName}@acme.example`,
		title: userName === 'admin' ? 'Administrator' : 'Analyst',
		department,
		active: 'true',
		locked_out: 'false',
	}));
	const groups = GROUPS.map(([name, description], n) => ({
		...system(`group:${name}`, 100 + n),
		sys_id: groupId(name),
		name,
		description,
		email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@acme.example`,
		manager: userId(GROUPS[n][2][0]),
		type: '',
		active: 'true',
	}));
	const members = GROUPS.flatMap(([name, , people]) =>
		people.map((person) => ({
			...system(`member:${name}:${person}`, 200),
			group: groupId(name),
			user: userId(person),
		})),
	);
	const tables: Record<string, Rec[]> = Object.fromEntries(Object.keys(TABLES).map((t) => [t, [] as Rec[]]));
	Object.assign(tables, { sys_user: users, sys_user_group: groups, sys_user_grmember: members, incident: seedIncidents() });
	return {
		tables,
		nextIncidentNumber: 10001 + tables.incident.length,
		attachmentContent: new Map(),
		accounts: new Map([
			[SAMPLE_USER, SAMPLE_PASSWORD],
			['admin', 'sandbox-admin-password'],
		]),
		oauthClients: new Map([[SAMPLE_CLIENT_ID, { secret: SAMPLE_CLIENT_SECRET, applicationUser: SAMPLE_USER }]]),
		tokens: new TokenStore(clock),
		refreshTokens: new Map(),
		clientCredentialsEnabled: true,
		tokenLifetimeSeconds: 1800,
		clock,
		beforeList: [],
	};
}
