/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import { createHash } from 'node:crypto';

import { Clock } from '../../framework/clock';
import { TaskQueue } from '../../framework/tasks';
import type { HostedPeers } from '../../framework/types';
import type { Case } from './cases';
import { seedCases } from './cases';
import { seedAlerts } from './samples';

/** The Vision One tenant the sandbox simulates: Workbench alerts and notes, response tasks, a directory. */

export type Json = Record<string, unknown>;

export interface Alert extends Json {
	id: string;
	status: 'Open' | 'In Progress' | 'Closed';
	investigationStatus: string;
	investigationResult: string;
	alertProvider: 'SAE' | 'TI';
	model: string;
	modelId: string;
	modelType: 'preset' | 'custom';
	severity: 'critical' | 'high' | 'medium' | 'low';
	createdDateTime: string;
	updatedDateTime: string;
	firstInvestigatedDateTime?: string;
	impactScope: { entities: Array<{ entityType: string; entityValue: unknown; entityId: string; relatedEntities: string[]; relatedIndicatorIds: number[]; provenance: string[] }> } & Json;
	indicators: Array<{ id: number; type: string; field: string; value: string; relatedEntities: string[]; filterIds: string[]; provenance: string[] }>;
}

export interface AlertNote {
	id: number;
	content: string;
	creatorName: string;
	creatorMailAddress: string;
	createdDateTime: string;
	lastUpdatedBy: string;
	lastUpdatedDateTime: string;
}

/** An account outside Okta (on-prem AD or Entra ID), as Vision One's identity sensors know it. */
export interface DirectoryAccount {
	accountName: string;
	iam: 'OPAD' | 'AAD';
	enabled: boolean;
	sessions: number;
	mustChangePassword: boolean;
	/** Every action on it ends `failed` (a sensor that cannot reach its domain controller). */
	unreachable?: boolean;
}

export type AccountAction = 'disableAccount' | 'enableAccount' | 'forceSignOut' | 'resetPassword';

/** What a response task acts on and, once run, what it found. */
export interface TaskSubject {
	/** The task's `action` (disableAccount, isolate, block…). */
	action: string;
	description?: string;
	/** What the task shows about its target: `tasks[]` of accounts, `agentGuid`/`endpointName`, the blocked object. */
	fields: (status: string, error?: TaskSubject['error']) => Record<string, unknown>;
	/** Values the task list's `account` / `endpointName` filters match. */
	names: string[];
	/** Carries the action out when the task succeeds; a message when the target does not allow it. */
	carryOut: () => string | undefined;
	/** Set when the task has been carried out (once). */
	applied?: boolean;
	error?: { code: string; number: number; message: string };
}

/** An endpoint in the inventory (`/v3.0/eiqs/endpoints`), with its isolation state. */
export interface Endpoint {
	agentGuid: string;
	endpointName: string;
	ips: string[];
	loginAccount: string;
	osName: string;
	isolated: boolean;
}

export type ObjectType = 'url' | 'domain' | 'ip' | 'fileSha1' | 'fileSha256' | 'senderMailAddress';

export interface VisionOneState {
	clock: Clock;
	peers: HostedPeers;
	tokens: Set<string>;
	alerts: Alert[];
	/** alert id → version counter behind its ETag. */
	versions: Map<string, number>;
	notes: Record<string, AlertNote[]>;
	noteCounter: number;
	tasks: TaskQueue<undefined>;
	subjects: Map<string, TaskSubject>;
	directory: DirectoryAccount[];
	endpoints: Endpoint[];
	/** The User-Defined Suspicious Objects block list: `type:value` keys. */
	blockList: Set<string>;
	cases: Case[];
	caseCounter: number;
	/** Okta System Log events already turned into alerts (`uuid|published`), and how far the log was read. */
	okta: { store?: unknown; read: number; seen: Set<string> };
	alertCounter: number;
	/** Workbench list page size (the API has no `top` for alerts; small here so paging is exercised). */
	alertPageSize: number;
	/** When new response tasks start and finish (`taskTiming` admin action): by polls or by the tenant clock. */
	taskTiming: { startPolls: number; startMs: number; finishPolls: number; finishMs: number };
}

export const SAMPLE_API_KEY = 'sbx-visionone-api-key-0123456789abcdef';

export function createVisionOneState(clock = new Clock(), peers: HostedPeers = { state: () => undefined }): VisionOneState {
	const alerts = seedAlerts(clock.now());
	return {
		clock,
		peers,
		tokens: new Set([SAMPLE_API_KEY]),
		alerts,
		versions: new Map(alerts.map((a) => [a.id, 1])),
		notes: {},
		noteCounter: 0,
		tasks: new TaskQueue<undefined>(clock, (n) => String(n).padStart(8, '0')),
		subjects: new Map(),
		directory: [
			{ accountName: 'shockwave\\sam', iam: 'OPAD', enabled: true, sessions: 2, mustChangePassword: false },
			{ accountName: 'sam@shockwave.example', iam: 'AAD', enabled: true, sessions: 3, mustChangePassword: false },
			{ accountName: 'corp\\svc-backup', iam: 'OPAD', enabled: true, sessions: 0, mustChangePassword: false, unreachable: true },
		],
		endpoints: [
			{ agentGuid: '35fa11da-a24e-40cf-8b56-baf8828cc15e-22', endpointName: 'nimda', ips: ['10.10.0.10'], loginAccount: 'shockwave\\sam', osName: 'Windows', isolated: false },
			...Array.from({ length: 9 }, (_, i) => ({
				agentGuid: `35fa11da-a24e-40cf-8b56-baf8828cc15e-${24 + i}`,
				endpointName: `HOST-${String(i + 2).padStart(2, '0')}`,
				ips: [`10.10.${i + 2}.${12 + i}`],
				loginAccount: i % 2 === 0 ? 'sam@shockwave.example' : 'corp\\svc-backup',
				osName: i % 3 === 0 ? 'Linux' : 'Windows',
				isolated: false,
			})),
			{ agentGuid: 'c1fa11da-a24e-40cf-8b56-baf8828cc15e-40', endpointName: 'FIN-LAPTOP-07', ips: ['10.10.7.21'], loginAccount: 'bob.anders@acme.example', osName: 'macOS', isolated: false },
		],
		blockList: new Set(['domain:evil-c2.example']),
		cases: seedCases(clock.now(), alerts.map((a) => a.id)),
		caseCounter: 3,
		okta: { read: 0, seen: new Set() },
		alertCounter: 100,
		alertPageSize: 10,
		taskTiming: { startPolls: 1, startMs: 1000, finishPolls: 2, finishMs: 3000 },
	};
}

/** An unquoted ETag, as Vision One sends it (pytmv1 quotes it before sending it back). */
export function etagOf(state: VisionOneState, id: string): string {
	return createHash('sha1').update(`${id}#${state.versions.get(id) ?? 1}`).digest('hex');
}

/** Vision One stamps seconds, no milliseconds: `2022-09-06T02:49:30Z`. */
export function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function alertId(state: VisionOneState, at: number): string {
	const day = isoSeconds(at).slice(0, 10).replace(/-/g, '');
	return `WB-9002-${day}-${String(++state.alertCounter).padStart(5, '0')}`;
}
