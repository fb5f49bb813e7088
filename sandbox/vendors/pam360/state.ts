import type { Clock } from '../../framework/clock';

export interface Pam360Account {
	id: string;
	name: string;
	/** The vault copy: what Password Get returns. */
	password: string;
	/** What the target system itself holds: a Remote reset changes it, a Local one does not. */
	targetPassword: string;
	notes: string;
	description: string;
	policy: string;
	owner: string;
	reasonRequired: boolean;
	ticketRequired: boolean;
	lastModified: number;
	lastAccessed?: number;
	lastRemoteReset?: number;
}

export interface Pam360Resource {
	id: string;
	name: string;
	type: string;
	description: string;
	url: string;
	location: string;
	dnsName: string;
	department: string;
	domainName: string;
	groupName: string;
	policy: string;
	owner: string;
	/** Users the resource is shared with: they see it in their resource list too. */
	sharedWith: string[];
	accounts: Pam360Account[];
}

/** An RPA entry (Admin » Integrations » Robotic Process Automation) and the App Token it issued. */
export interface RpaEntry {
	id: string;
	name: string;
	token: string;
	/** The PAM360 user whose access the token acts with. */
	user: string;
	status: 'pending' | 'approved' | 'rejected' | 'deleted';
	/** Whether the entry is approved without an administrator (the automatic approval workflow). */
	autoApprove: boolean;
	/** Epoch ms on the vendor clock; undefined = never expires. */
	expiresAt?: number;
	decidedBy?: string;
}

export interface ApiUser {
	user: string;
	org: string;
}

export interface AuditEntry {
	at: string;
	/** `admin` for an API user, `admin (RPA: XSOAR SOC)` for an App Token. */
	actor: string;
	operation: 'Password Retrieved' | 'Password Changed' | 'Resource Added' | 'Resource Modified' | 'Account Added' | 'Account Modified';
	resource: string;
	account?: string;
	reason?: string;
	ticketId?: string;
	resetType?: 'LOCAL' | 'REMOTE';
}

export interface Pam360State {
	clock: Clock;
	resources: Pam360Resource[];
	apiUsers: Map<string, ApiUser>;
	rpa: RpaEntry[];
	audit: AuditEntry[];
	nextResourceId: number;
	nextAccountId: number;
	nextRpaId: number;
}

export const SAMPLE_AUTHTOKEN = 'pam360-example-authtoken-0001';
export const SAMPLE_ORG = 'Acme SOC';
export const SAMPLE_APP_TOKEN = 'pam360-example-app-token-0001';
/** A second API user, who owns resources and shares one of them with the sample user. */
export const OTHER_AUTHTOKEN = 'pam360-example-authtoken-jdoe';
export const RESOURCE_TYPES = ['Windows', 'Linux', 'Fortigate Firewall', 'MS SQL server', 'Oracle DB server', 'Web Site Accounts'];

type Seed = [name: string, type: string, owner: string, sharedWith: string[], accounts: Array<[name: string, password: string, reason?: boolean, ticket?: boolean]>];

const SEED: Seed[] = [
	['SOUTH-FIN-WINSERQA-09', 'Windows', 'admin', [], [['administrator', 'Fin!Adm1n-2024'], ['svc-backup', 'Bkp#Svc-77x', true]]],
	['CORE-DB-01', 'Linux', 'admin', [], [['root', 'R00t$Core-Db1', true, true], ['oracle', 'Orcl@Core-551']]],
	['FW-EDGE-01', 'Fortigate Firewall', 'jdoe', ['admin'], [['fwadmin', 'Fw#Edge-Admin9']]],
	['HR-PAYROLL', 'MS SQL server', 'jdoe', [], [['payroll', 'Pay$Roll-Hr42']]],
	['WEB-PROD-01', 'Linux', 'admin', [], [['deploy', 'Dpl0y!Web-01']]],
	['WEB-PROD-02', 'Linux', 'admin', [], [['deploy', 'Dpl0y!Web-02']]],
	['DC-01', 'Windows', 'admin', [], [['Administrator', 'Dc01#Dom-Adm']]],
];

export function createPam360State(clock: Clock): Pam360State {
	const now = clock.now();
	let accountId = 1;
	const resources = SEED.map(([name, type, owner, sharedWith, accounts], n): Pam360Resource => ({
		id: String(n + 1),
		name,
		type,
		description: `${type} resource ${name}`,
		url: n === 0 ? 'https://pam360:8282' : '',
		location: n === 0 ? 'Plaza - South Wing' : '',
		dnsName: `${name.toLowerCase()}.acme.example`,
		department: n === 0 ? 'Finance' : 'IT',
		domainName: '',
		groupName: '',
		policy: 'Strong',
		owner,
		sharedWith,
		accounts: accounts.map(([accountName, password, reason, ticket]) => ({
			id: String(accountId++),
			name: accountName,
			password,
			targetPassword: password,
			notes: '',
			description: '',
			policy: 'Strong',
			owner,
			reasonRequired: reason === true,
			ticketRequired: ticket === true,
			lastModified: now,
		})),
	}));
	return {
		clock,
		resources,
		apiUsers: new Map([
			[SAMPLE_AUTHTOKEN, { user: 'admin', org: SAMPLE_ORG }],
			[OTHER_AUTHTOKEN, { user: 'jdoe', org: SAMPLE_ORG }],
		]),
		rpa: [{ id: '1', name: 'n8n SOC automation', token: SAMPLE_APP_TOKEN, user: 'admin', status: 'approved', autoApprove: true, decidedBy: 'automatic' }],
		audit: [],
		nextResourceId: resources.length + 1,
		nextAccountId: accountId,
		nextRpaId: 2,
	};
}

/** Resources a user owns or that are shared with them, in ID order. */
export function visibleResources(state: Pam360State, user: string): Pam360Resource[] {
	return state.resources.filter((r) => r.owner === user || r.sharedWith.includes(user));
}

export function findResource(state: Pam360State, user: string, id: string): Pam360Resource | undefined {
	return visibleResources(state, user).find((r) => r.id === id);
}
