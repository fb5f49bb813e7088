/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
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

export interface OktaState {
	users: OktaUser[];
	/** Valid SSWS API tokens. */
	apiTokens: Set<string>;
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

export function createOktaState(): OktaState {
	return { users: seedUsers(), apiTokens: new Set([SAMPLE_API_TOKEN]) };
}

/** Okta accepts an ID, a login, or an unambiguous login short name wherever a user ID is expected. */
export function findUser(state: OktaState, idOrLogin: string): OktaUser | undefined {
	const wanted = idOrLogin.toLowerCase();
	const exact = state.users.find((u) => u.id === idOrLogin || u.profile.login.toLowerCase() === wanted);
	if (exact) return exact;
	const short = state.users.filter((u) => u.profile.login.toLowerCase().split('@')[0] === wanted);
	return short.length === 1 ? short[0] : undefined;
}
