/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import { Clock } from '../../framework/clock';
import type { EventHook } from './eventHookStore';
import { createLogStore } from './logStore';
import type { LogStore } from './logStore';
import { createOAuthState } from './oauthState';
import type { OAuthState } from './oauthState';
/** The Okta org the sandbox simulates: users, groups, memberships and a System Log. */

export type UserStatus =
	| 'STAGED'
	| 'PROVISIONED'
	| 'ACTIVE'
	| 'RECOVERY'
	| 'PASSWORD_EXPIRED'
	| 'LOCKED_OUT'
	| 'SUSPENDED'
	| 'DEPROVISIONED';

export interface OktaUser {
	id: string;
	status: UserStatus;
	created: string;
	activated: string | null;
	statusChanged: string | null;
	lastLogin: string | null;
	lastUpdated: string;
	passwordChanged: string | null;
	type: { id: string };
	profile: {
		login: string;
		email: string;
		firstName: string;
		lastName: string;
		displayName?: string;
		department?: string;
		title?: string;
		mobilePhone?: string | null;
		secondEmail?: string | null;
	};
	credentials: { password: Record<string, never>; provider: { type: 'OKTA'; name: 'OKTA' } };
}

export interface OktaGroup {
	id: string;
	created: string;
	lastUpdated: string;
	lastMembershipUpdated: string;
	objectClass: ['okta:user_group'];
	type: 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';
	profile: { name: string; description: string };
}

export interface OktaFactor {
	id: string;
	factorType: 'push' | 'sms' | 'token:software:totp' | 'webauthn';
	provider: 'OKTA' | 'GOOGLE' | 'FIDO';
	vendorName: string;
	status: 'ACTIVE';
	created: string;
	profile: Record<string, string>;
}

export interface OktaSession {
	id: string;
	createdAt: string;
	ipAddress: string;
}

/** An OAuth grant/refresh token issued to an app for the user: removed by Clear Sessions with `oauthTokens=true`. */
export interface OktaGrant {
	id: string;
	clientId: string;
	scopes: string[];
}

export interface OktaState {
	users: OktaUser[];
	groups: OktaGroup[];
	/** groupId → member user IDs, in the order they were added. */
	memberships: Record<string, string[]>;
	factors: Record<string, OktaFactor[]>;
	sessions: Record<string, OktaSession[]>;
	grants: Record<string, OktaGrant[]>;
	/** Users whose remembered devices Okta still trusts (cleared by `forgetDevices`). */
	rememberedDevices: Record<string, number>;
	logs: LogStore;
	eventHooks: EventHook[];
	oauth: OAuthState;
	/** Valid SSWS API tokens → the ID of the admin who created each (the token acts as that admin). */
	apiTokens: Map<string, string>;
	clock: Clock;
}

export const SAMPLE_API_TOKEN = '00sandbox-okta-api-token-0123456789abcdef';

const FIRST = ['Alice', 'Bob', 'Carol', 'Dan', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy', 'Mallory', 'Niaj', 'Olivia', 'Peggy', 'Rupert', 'Sybil', 'Trent', 'Victor', 'Walter', 'Yolanda'];
const LAST = ['Anders', 'Brown', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jones'];
const DEPARTMENTS = ['Finance', 'Engineering', 'Sales', 'IT', 'Legal', 'Support'];
const BASE_TIME = Date.parse('2026-01-05T09:00:00.000Z');

/** Okta IDs are 20 characters starting with `00u` (users) or `00g` (groups); deterministic here. */
export function oktaId(prefix: string, n: number): string {
	return `${prefix}${n.toString(36).padStart(4, '0')}sbx${'abcdefghijklm'.slice(0, 10)}`.slice(0, 20);
}

function iso(offsetMinutes: number): string {
	return new Date(BASE_TIME + offsetMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
}

/** 60 users, deterministic: mostly ACTIVE, with a few in every other lifecycle state. */
export function seedUsers(): OktaUser[] {
	const statuses: Record<number, UserStatus> = { 7: 'SUSPENDED', 13: 'LOCKED_OUT', 21: 'STAGED', 29: 'DEPROVISIONED', 37: 'PASSWORD_EXPIRED', 45: 'RECOVERY', 53: 'PROVISIONED' };
	const users: OktaUser[] = [];
	for (let n = 1; n <= 60; n++) {
		const firstName = FIRST[(n - 1) % FIRST.length];
		const lastName = LAST[Math.floor((n - 1) / 2) % LAST.length];
		const local = `${firstName}.${lastName}${n > FIRST.length ? n : ''}`.toLowerCase();
		const status = statuses[n] ?? 'ACTIVE';
		const neverActive = status === 'STAGED' || status === 'PROVISIONED';
		users.push({
			id: oktaId('00u', n),
			status,
			created: iso(n),
			activated: neverActive ? null : iso(n + 5),
			statusChanged: iso(n + 60),
			lastLogin: neverActive ? null : iso(n * 30),
			lastUpdated: iso(n + 60),
			passwordChanged: neverActive ? null : iso(n + 6),
			type: { id: 'otysandboxdefault0001' },
			profile: {
				login: `${local}@acme.example`,
				email: `${local}@acme.example`,
				firstName,
				lastName,
				displayName: `${firstName} ${lastName}`,
				department: DEPARTMENTS[n % DEPARTMENTS.length],
				title: n % 5 === 0 ? 'Manager' : 'Analyst',
				mobilePhone: null,
				secondEmail: null,
			},
			credentials: { password: {}, provider: { type: 'OKTA', name: 'OKTA' } },
		});
	}
	return users;
}

const GROUP_NAMES: Array<[string, string]> = [
	['Everyone', 'All users in the org'],
	['Finance', 'Finance department'],
	['Engineering', 'Engineering department'],
	['Sales', 'Sales department'],
	['IT Admins', 'Okta and IT administrators'],
	['Contractors', 'External contractors with limited access'],
	['VPN Users', 'May connect to the corporate VPN'],
	['Quarantine', 'Contained accounts awaiting investigation'],
];

export function seedGroups(): OktaGroup[] {
	return GROUP_NAMES.map(([name, description], i) => ({
		id: oktaId('00g', i + 1),
		created: iso(i),
		lastUpdated: iso(i + 1),
		lastMembershipUpdated: iso(i + 2),
		objectClass: ['okta:user_group'],
		type: name === 'Everyone' ? 'BUILT_IN' : 'OKTA_GROUP',
		profile: { name, description },
	}));
}

/** Everyone holds all users; department groups hold their department; a few admins, contractors and VPN users. */
function seedMemberships(users: OktaUser[], groups: OktaGroup[]): Record<string, string[]> {
	const byName = (name: string) => groups.find((g) => g.profile.name === name)!.id;
	const memberships: Record<string, string[]> = Object.fromEntries(groups.map((g) => [g.id, [] as string[]]));
	users.forEach((user, i) => {
		memberships[byName('Everyone')].push(user.id);
		const department = user.profile.department;
		if (department && ['Finance', 'Engineering', 'Sales'].includes(department)) {
			memberships[byName(department)].push(user.id);
		}
		if (department === 'IT' && i % 2 === 0) memberships[byName('IT Admins')].push(user.id);
		if (i % 9 === 4) memberships[byName('Contractors')].push(user.id);
		if (i % 3 === 0) memberships[byName('VPN Users')].push(user.id);
	});
	return memberships;
}

function seedFactors(users: OktaUser[]): Record<string, OktaFactor[]> {
	const factors: Record<string, OktaFactor[]> = {};
	users.forEach((user, i) => {
		if (user.status === 'STAGED' || user.status === 'PROVISIONED') return;
		const list: OktaFactor[] = [
			{ id: oktaId('opf', i * 2 + 1), factorType: 'push', provider: 'OKTA', vendorName: 'OKTA', status: 'ACTIVE', created: iso(i + 10), profile: { deviceType: 'SmartPhone_IPhone', name: `${user.profile.firstName}'s iPhone` } },
		];
		if (i % 2 === 0) {
			list.push({ id: oktaId('mbl', i * 2 + 2), factorType: 'sms', provider: 'OKTA', vendorName: 'OKTA', status: 'ACTIVE', created: iso(i + 11), profile: { phoneNumber: `+1-555-01${String(i).padStart(2, '0')}` } });
		}
		factors[user.id] = list;
	});
	return factors;
}

function seedSessions(users: OktaUser[]): Record<string, OktaSession[]> {
	const sessions: Record<string, OktaSession[]> = {};
	users.forEach((user, i) => {
		if (user.status !== 'ACTIVE') return;
		sessions[user.id] = [{ id: `102sbx${String(i).padStart(14, '0')}`, createdAt: iso(i * 30), ipAddress: `203.0.113.${(i % 200) + 1}` }];
	});
	return sessions;
}

function seedGrants(users: OktaUser[]): Record<string, OktaGrant[]> {
	const grants: Record<string, OktaGrant[]> = {};
	users.forEach((user, i) => {
		if (user.status !== 'ACTIVE' || i % 2 !== 0) return;
		grants[user.id] = [{ id: oktaId('oag', i + 1), clientId: '0oasbxslackapp000001', scopes: ['openid', 'profile', 'offline_access'] }];
	});
	return grants;
}

export function createOktaState(clock = new Clock()): OktaState {
	const users = seedUsers();
	const groups = seedGroups();
	const memberships = seedMemberships(users, groups);
	// The sample token was created by the first IT admin.
	const tokenAdmin = memberships[groups.find((g) => g.profile.name === 'IT Admins')!.id][0];
	return {
		users,
		groups,
		memberships,
		factors: seedFactors(users),
		sessions: seedSessions(users),
		grants: seedGrants(users),
		rememberedDevices: Object.fromEntries(users.filter((u) => u.status === 'ACTIVE').map((u) => [u.id, 1])),
		logs: createLogStore(users, clock),
		eventHooks: [],
		oauth: createOAuthState(clock),
		apiTokens: new Map([[SAMPLE_API_TOKEN, tokenAdmin]]),
		clock,
	};
}

export function findGroup(state: OktaState, id: string): OktaGroup | undefined {
	return state.groups.find((g) => g.id === id);
}

/** Okta accepts an ID, a login, or an unambiguous login short name wherever a user ID is expected. */
export function findUser(state: OktaState, idOrLogin: string): OktaUser | undefined {
	const wanted = idOrLogin.toLowerCase();
	const exact = state.users.find((u) => u.id === idOrLogin || u.profile.login.toLowerCase() === wanted);
	if (exact) return exact;
	const short = state.users.filter((u) => u.profile.login.toLowerCase().split('@')[0] === wanted);
	return short.length === 1 ? short[0] : undefined;
}
