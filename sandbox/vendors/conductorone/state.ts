import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import type { ClientToken } from '../../framework/auth';
import { TokenStore } from '../../framework/auth';
import type { Clock } from '../../framework/clock';
import type { HostedPeers } from '../../framework/types';

/**
 * ConductorOne's model, generic on purpose: an app is any governed system (a SaaS, a cloud account, or later a
 * connector-synced app such as Cortex XSOAR), with entitlements, app users (accounts, linked to identity users) and
 * grant bindings (an app user holds an entitlement). A connector syncs one app.
 */
export interface C1User {
	id: string;
	displayName: string;
	email: string;
	emails: string[];
	username: string;
	status: 'ENABLED' | 'DISABLED' | 'DELETED';
	type: 'USER_TYPE_HUMAN' | 'USER_TYPE_SERVICE';
	department: string;
	jobTitle: string;
	managerIds: string[];
	createdAt: string;
}

export interface C1App {
	id: string;
	displayName: string;
	description: string;
	isDirectory: boolean;
	grantPolicyId: string;
	revokePolicyId: string;
	appOwners: string[];
	createdAt: string;
}

export interface C1Entitlement {
	id: string;
	appId: string;
	displayName: string;
	alias: string;
	slug: string;
	appResourceTypeId: string;
	appResourceId: string;
	grantPolicyId: string;
	revokePolicyId: string;
	emergencyGrantEnabled: boolean;
	durationGrant?: string;
}

export interface C1AppUser {
	id: string;
	appId: string;
	identityUserId: string;
	displayName: string;
	email: string;
	username: string;
	appUserType: 'APP_USER_TYPE_USER' | 'APP_USER_TYPE_SERVICE_ACCOUNT';
	status: { status: 'STATUS_ENABLED' | 'STATUS_DISABLED' };
}

export interface C1Binding {
	appId: string;
	appEntitlementId: string;
	appUserId: string;
	createdAt: string;
	deprovisionAt?: string;
	grantSources: unknown[];
}

export interface C1Connector {
	id: string;
	appId: string;
	displayName: string;
	catalogId: string;
	status: { status: string; startedAt?: string; completedAt?: string; updatedAt: string; lastError: string };
	/** A forced sync is queued: the next read of the connector sees it running, the one after sees it done. */
	syncReadsLeft?: number;
}

/** A policy: `approval` policies wait for one step approver, `auto` ones provision at once. */
export interface C1Policy {
	id: string;
	displayName: string;
	kind: 'auto' | 'approval';
	approverIds: string[];
}

export type TaskKind = 'grant' | 'revoke' | 'offboarding';

export interface C1Task {
	id: string;
	numericId: string;
	displayName: string;
	description: string;
	state: 'TASK_STATE_OPEN' | 'TASK_STATE_CLOSED';
	processing: 'TASK_PROCESSING_TYPE_PROCESSING' | 'TASK_PROCESSING_TYPE_WAITING' | 'TASK_PROCESSING_TYPE_DONE';
	origin: 'TASK_ORIGIN_API';
	emergencyAccess: boolean;
	stepApproverIds: string[];
	createdByUserId: string;
	userId: string;
	commentCount: number;
	createdAt: string;
	updatedAt: string;
	type: Record<string, Record<string, unknown>>;
	policy: { policyId: string; current?: { id: string; approval?: Record<string, unknown> }; history: Array<Record<string, unknown>> };
	comments: Array<{ userId: string; comment: string; createdAt: string }>;
	/** Provisioning finishes at the Nth read of the task after it started (creation for auto policies, approval otherwise). */
	provisionReadsLeft?: number;
}

/** An access review campaign (Go SDK `AccessReview`), with the owners named at creation. */
export interface C1AccessReview {
	id: string;
	displayName: string;
	description: string;
	policyId: string;
	scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS' | 'ACCESS_REVIEW_SCOPE_TYPE_BY_ACCESS_CONFLICTS';
	state: 'ACCESS_REVIEW_STATE_DRAFT' | 'ACCESS_REVIEW_STATE_OPEN' | 'ACCESS_REVIEW_STATE_CLOSED';
	completionDate?: string;
	createdById: string;
	createdAt: string;
	updatedAt: string;
	ownerIds: string[];
}

export interface ConductorOneState {
	clock: Clock;
	users: C1User[];
	apps: C1App[];
	entitlements: C1Entitlement[];
	appUsers: C1AppUser[];
	bindings: C1Binding[];
	connectors: C1Connector[];
	policies: C1Policy[];
	tasks: C1Task[];
	accessReviews: C1AccessReview[];
	nextAccessReview: number;
	tokens: TokenStore<ClientToken>;
	tokenLifetimeSeconds: number;
	/** Client assertion nonces already used (replays are refused). */
	usedNonces: Set<string>;
	clients: Map<string, { publicKey: KeyObject; principal: string }>;
	/** The other vendors of the sandbox: the Cortex XSOAR connector reads and writes the hosted XSOAR (xsoarConnector.ts). */
	peers?: HostedPeers;
}

export const SAMPLE_CLIENT_ID = 'sandbox-hydra-00001@acme.conductor.one/pcc';
const SERVICE_PRINCIPAL = 'u-svc-n8n';

let keys: { privateJwk: Record<string, unknown>; publicKey: KeyObject } | undefined;
/** The sandbox client's Ed25519 key, made once per process (its secret is printed with the sample credentials). */
export function clientKeys() {
	if (!keys) {
		const { privateKey, publicKey } = generateKeyPairSync('ed25519');
		keys = { privateJwk: privateKey.export({ format: 'jwk' }) as Record<string, unknown>, publicKey };
	}
	return keys;
}

/** `secret-token:conductorone.com:v1:<base64url(private JWK)>`, as ConductorOne shows it once at creation. */
export function clientSecretFor(privateJwk: Record<string, unknown>): string {
	return `secret-token:conductorone.com:v1:${Buffer.from(JSON.stringify(privateJwk)).toString('base64url')}`;
}

const APPS: Array<Pick<C1App, 'id' | 'displayName' | 'description'> & { directory?: boolean; revoke: string; grant: string }> = [
	{ id: 'app-okta', displayName: 'Okta', description: 'Workforce directory', directory: true, grant: 'pol-manager', revoke: 'pol-auto' },
	{ id: 'app-aws', displayName: 'AWS Production', description: 'AWS organization, production accounts', grant: 'pol-manager', revoke: 'pol-manager' },
	{ id: 'app-github', displayName: 'GitHub', description: 'GitHub Enterprise org acme', grant: 'pol-auto', revoke: 'pol-auto' },
	{ id: 'app-salesforce', displayName: 'Salesforce', description: 'CRM', grant: 'pol-manager', revoke: 'pol-manager' },
];

const PEOPLE: Array<[string, string, string, string, string]> = [
	['u-alice', 'Alice Anders', 'alice.anders@acme.example', 'Engineering', 'Staff Engineer'],
	['u-bob', 'Bob Brown', 'bob.brown@acme.example', 'Engineering', 'Engineering Manager'],
	['u-carol', 'Carol Chen', 'carol.chen@acme.example', 'Security', 'Incident Responder'],
	['u-dan', 'Dan Diaz', 'dan.diaz@acme.example', 'Sales', 'Account Executive'],
	// Erin's email is her Cortex XSOAR account's (`erin`), so the XSOAR connector links them: her XSOAR role is a grant.
	['u-erin', 'Erin Reader', 'erin@acme.example', 'Security', 'SOC Analyst'],
];

function accessReview(id: string, displayName: string, state: C1AccessReview['state'], completionDate: string, createdAt: string): C1AccessReview {
	return { id, displayName, description: '', policyId: 'pol-manager', scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS', state, completionDate, createdById: 'u-bob', createdAt, updatedAt: createdAt, ownerIds: ['u-bob'] };
}

export function createConductorOneState(clock: Clock, peers?: HostedPeers): ConductorOneState {
	const created = new Date(Date.UTC(2026, 0, 5, 9)).toISOString();
	const users: C1User[] = PEOPLE.map(([id, displayName, email, department, jobTitle]) => ({
		id,
		displayName,
		email,
		emails: [email],
		username: email.split('@')[0],
		status: 'ENABLED',
		type: 'USER_TYPE_HUMAN',
		department,
		jobTitle,
		managerIds: id === 'u-bob' ? [] : ['u-bob'],
		createdAt: created,
	}));
	// Enough people that user lists and searches page.
	for (let n = 1; n <= 110; n++) {
		const id = `u-staff-${String(n).padStart(3, '0')}`;
		const email = `staff.${String(n).padStart(3, '0')}@acme.example`;
		users.push({ id, displayName: `Staff ${n}`, email, emails: [email], username: email.split('@')[0], status: 'ENABLED', type: 'USER_TYPE_HUMAN', department: 'Operations', jobTitle: 'Analyst', managerIds: ['u-bob'], createdAt: created });
	}
	users.push({ id: SERVICE_PRINCIPAL, displayName: 'n8n automation', email: 'n8n@acme.example', emails: ['n8n@acme.example'], username: 'n8n', status: 'ENABLED', type: 'USER_TYPE_SERVICE', department: 'Security', jobTitle: 'Service principal', managerIds: [], createdAt: created });

	const apps: C1App[] = APPS.map((a) => ({
		id: a.id,
		displayName: a.displayName,
		description: a.description,
		isDirectory: a.directory === true,
		grantPolicyId: a.grant,
		revokePolicyId: a.revoke,
		appOwners: ['u-bob'],
		createdAt: created,
	}));
	const entitlement = (appId: string, slug: string, displayName: string, extra: Partial<C1Entitlement> = {}): C1Entitlement => {
		const app = apps.find((a) => a.id === appId)!;
		return {
			id: `ent-${appId.slice(4)}-${slug}`,
			appId,
			displayName,
			alias: `${appId.slice(4)}-${slug}`,
			slug,
			appResourceTypeId: `rt-${appId.slice(4)}`,
			appResourceId: `res-${appId.slice(4)}-${slug}`,
			grantPolicyId: app.grantPolicyId,
			revokePolicyId: app.revokePolicyId,
			emergencyGrantEnabled: false,
			...extra,
		};
	};
	const entitlements: C1Entitlement[] = [
		entitlement('app-okta', 'member', 'Okta: Member'),
		entitlement('app-aws', 'admin', 'AdministratorAccess', { emergencyGrantEnabled: true, durationGrant: '3600s' }),
		entitlement('app-aws', 'readonly', 'ReadOnlyAccess', { revokePolicyId: 'pol-auto' }),
		entitlement('app-github', 'member', 'Org member'),
		entitlement('app-salesforce', 'admin', 'System Administrator'),
	];
	for (let n = 1; n <= 105; n++) entitlements.push(entitlement('app-github', `repo-${String(n).padStart(3, '0')}-write`, `Repository repo-${n}: write`));

	const appUsers: C1AppUser[] = [];
	for (const user of users.slice(0, PEOPLE.length)) {
		for (const app of apps) {
			appUsers.push({
				id: `au-${app.id.slice(4)}-${user.id.slice(2)}`,
				appId: app.id,
				identityUserId: user.id,
				displayName: user.displayName,
				email: user.email,
				username: user.username,
				appUserType: 'APP_USER_TYPE_USER',
				status: { status: 'STATUS_ENABLED' },
			});
		}
	}
	const bindings: C1Binding[] = [];
	const bind = (entitlementId: string, userId: string) => {
		const ent = entitlements.find((e) => e.id === entitlementId)!;
		bindings.push({ appId: ent.appId, appEntitlementId: ent.id, appUserId: `au-${ent.appId.slice(4)}-${userId.slice(2)}`, createdAt: created, grantSources: [] });
	};
	// Alice (the usual incident subject) reaches a lot: every app, the AWS admin role, and write on 12 repositories.
	for (const id of ['ent-okta-member', 'ent-aws-admin', 'ent-aws-readonly', 'ent-github-member', 'ent-salesforce-admin']) bind(id, 'u-alice');
	for (let n = 1; n <= 12; n++) bind(`ent-github-repo-${String(n).padStart(3, '0')}-write`, 'u-alice');
	for (const id of ['ent-okta-member', 'ent-github-member', 'ent-aws-readonly']) bind(id, 'u-bob');
	for (const id of ['ent-okta-member', 'ent-github-member']) bind(id, 'u-carol');
	for (const id of ['ent-okta-member', 'ent-salesforce-admin']) bind(id, 'u-dan');
	for (const id of ['ent-github-member', 'ent-aws-readonly']) bind(id, 'u-erin');

	const connectors: C1Connector[] = apps.map((app) => ({
		id: `conn-${app.id.slice(4)}`,
		appId: app.id,
		displayName: `${app.displayName} connector`,
		catalogId: `baton-${app.id.slice(4)}`,
		status: { status: 'SYNC_STATUS_DONE', startedAt: created, completedAt: created, updatedAt: created, lastError: '' },
	}));

	const { publicKey } = clientKeys();
	return {
		clock,
		users,
		apps,
		entitlements,
		appUsers,
		bindings,
		connectors,
		policies: [
			{ id: 'pol-auto', displayName: 'Provision without approval', kind: 'auto', approverIds: [] },
			{ id: 'pol-manager', displayName: 'Manager approval', kind: 'approval', approverIds: ['u-bob'] },
		],
		tasks: [],
		accessReviews: [
			accessReview('ar-0001', 'Q4 2025 AWS production access', 'ACCESS_REVIEW_STATE_CLOSED', '2025-12-31T17:00:00.000Z', created),
			accessReview('ar-0002', 'Q1 2026 privileged access', 'ACCESS_REVIEW_STATE_OPEN', '2026-03-31T17:00:00.000Z', created),
		],
		nextAccessReview: 3,
		tokens: new TokenStore<ClientToken>(clock),
		tokenLifetimeSeconds: 3600,
		usedNonces: new Set(),
		clients: new Map([[SAMPLE_CLIENT_ID, { publicKey, principal: SERVICE_PRINCIPAL }]]),
		peers,
	};
}
