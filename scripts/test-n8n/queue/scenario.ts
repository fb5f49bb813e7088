/**
 * What the queue-mode run activates and how it counts the effects. Everything template-specific lives here.
 *
 * The template: one line. To prove another template with an Okta polling trigger, change QUEUE_TEMPLATE; the
 * tickets it must leave are counted below in ServiceNow (incidents by correlation ID, each anomaly's work note by
 * its Okta event UUID) and, when the template has XSOAR nodes, in XSOAR (incidents by their external key).
 */
import type { SandboxClient } from '../sandbox';
import type { WorkflowJson } from '../workflows';

export const QUEUE_TEMPLATE = 'okta-anomaly-vision-one-servicenow-xsoar.json';

/** 200 anomalies in 10 waves of 20. */
export const WAVES = 10;
export const PER_WAVE = 20;

/*
 * A wave is at most as many anomalies as the template's containment cap per execution (Settings →
 * maxContainmentsPerRun, 20): however n8n's polls split or join a wave, no execution is ever over the cap, so what
 * each anomaly gets does not depend on the timing of polls: the single-process reference and the queue run must agree.
 */
const KINDS = ['highRisk', 'threat', 'failedSignIns'] as const;
type Kind = (typeof KINDS)[number];

export interface Anomaly {
	index: number;
	wave: number;
	login: string;
	kind: Kind;
}

export interface Seeded extends Anomaly {
	/** The Okta System Log event the anomaly is. */
	uuid: string;
}

/**
 * Wave `w` covers 20 different active users (a user is never twice in one wave, so one execution never handles two
 * anomalies with the same correlation ID), shifted by 7 users a wave so users recur across waves: their repeats must
 * land on the open incident. Kinds rotate: a HIGH-risk successful sign-in (contain, then ticket), a ThreatInsight
 * detection (ticket only), a MEDIUM-risk failed sign-in (clear sessions, ticket).
 */
export function plan(activeLogins: string[]): Anomaly[] {
	if (activeLogins.length < PER_WAVE) throw new Error(`the sandbox's Okta has ${activeLogins.length} active users, a wave needs ${PER_WAVE}`);
	const anomalies: Anomaly[] = [];
	for (let wave = 0; wave < WAVES; wave++) {
		for (let slot = 0; slot < PER_WAVE; slot++) {
			const login = activeLogins[(wave * 7 + slot) % activeLogins.length];
			anomalies.push({ index: anomalies.length, wave, login, kind: KINDS[(wave + slot) % KINDS.length] });
		}
	}
	return anomalies;
}

export async function activeLogins(sandbox: SandboxClient): Promise<string[]> {
	const { users } = await sandbox.state<{ users: Array<{ status: string; profile: { login: string } }> }>('okta');
	return users.filter((u) => u.status === 'ACTIVE').map((u) => u.profile.login);
}

/** One anomaly in the sandbox's Okta System Log: one event each (a failed sign-in is written once). */
export async function seed(sandbox: SandboxClient, anomaly: Anomaly): Promise<Seeded> {
	const { uuids } = await sandbox.action<{ uuids: string[] }>('okta', 'seedSignInAnomaly', { login: anomaly.login, kind: anomaly.kind, count: 1 });
	if (uuids.length !== 1) throw new Error(`seeding ${anomaly.kind} for ${anomaly.login} wrote ${uuids.length} events, not 1`);
	return { ...anomaly, uuid: uuids[0] };
}

type Rec = Record<string, string>;

async function serviceNow(sandbox: SandboxClient): Promise<{ incidents: Rec[]; notes: Rec[] }> {
	const { tables } = await sandbox.state<{ tables: { incident: Rec[]; sys_journal_field: Rec[] } }>('servicenow');
	return { incidents: tables.incident, notes: tables.sys_journal_field.filter((note) => note.element === 'work_notes') };
}

/** The anomalies whose ticket exists: a ServiceNow work note names the anomaly's Okta event UUID. */
export async function ticketed(sandbox: SandboxClient, seeded: Seeded[]): Promise<Set<string>> {
	const { notes } = await serviceNow(sandbox);
	return new Set(seeded.filter((a) => notes.some((note) => note.value.includes(a.uuid))).map((a) => a.uuid));
}

/** What a run left in the sandbox, in terms that do not depend on the run (no UUIDs, times or record IDs). */
export interface Effects {
	/** Per anomaly, in plan order: the incident its note is on, and the note. */
	perAnomaly: string[];
	/** Incidents per correlation ID (ServiceNow) and per external key (XSOAR). */
	incidents: string[];
	/** Anomalies not ticketed exactly once, correlation IDs or keys with more than one incident. */
	problems: string[];
}

const neutral = (text: string, uuid: string) =>
	text.replaceAll(uuid, '<uuid>').replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, '<time>');

/** XSOAR's external key of an incident: a top-level field or a custom field, as the sandbox stores either. */
function fieldOf(incident: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const custom = (incident.CustomFields ?? {}) as Record<string, unknown>;
	const value = Object.entries({ ...incident, ...custom }).find(([key]) => key.toLowerCase() === wanted)?.[1];
	return typeof value === 'string' && value ? value : undefined;
}

/** The external key fields of the template's XSOAR Find or Create nodes (none: the template has no XSOAR ticket). */
function xsoarKeyFields(workflow: WorkflowJson): string[] {
	return workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-secops.xsoar' && node.parameters?.operation === 'findOrCreate')
		.map((node) => String(node.parameters?.externalKeyField ?? 'externalkey'));
}

export async function effects(sandbox: SandboxClient, workflow: WorkflowJson, seeded: Seeded[]): Promise<Effects> {
	const { incidents, notes } = await serviceNow(sandbox);
	const problems: string[] = [];
	const byId = new Map(incidents.map((incident) => [incident.sys_id, incident]));
	const perAnomaly = seeded.map((anomaly) => {
		const mine = notes.filter((note) => note.value.includes(anomaly.uuid));
		const what = `#${anomaly.index} ${anomaly.kind} ${anomaly.login}`;
		if (mine.length !== 1) problems.push(`${what} (${anomaly.uuid}): ${mine.length} ServiceNow work notes name it, expected exactly 1`);
		return `${what}: ${mine.map((note) => `${byId.get(note.element_id)?.correlation_id ?? '(no incident)'} | ${neutral(note.value, anomaly.uuid)}`).join(' ‖ ')}`;
	});
	const perCorrelation = new Map<string, number>();
	for (const incident of incidents.filter((i) => i.correlation_id)) {
		perCorrelation.set(incident.correlation_id, (perCorrelation.get(incident.correlation_id) ?? 0) + 1);
	}
	const counted = [...perCorrelation].map(([id, count]) => `ServiceNow ${id}: ${count}`);
	for (const [id, count] of perCorrelation) if (count > 1) problems.push(`ServiceNow has ${count} incidents with correlation ID ${id}`);

	const keyFields = xsoarKeyFields(workflow);
	if (keyFields.length) {
		const { incidents: xsoar } = await sandbox.state<{ incidents: Array<Record<string, unknown>> }>('xsoar');
		const perKey = new Map<string, number>();
		for (const incident of xsoar) {
			for (const field of keyFields) {
				const key = fieldOf(incident, field);
				if (key) perKey.set(`${field}=${key}`, (perKey.get(`${field}=${key}`) ?? 0) + 1);
			}
		}
		counted.push(...[...perKey].map(([key, count]) => `XSOAR ${key}: ${count}`));
		for (const [key, count] of perKey) if (count > 1) problems.push(`XSOAR has ${count} incidents with ${key} (closed duplicates count too)`);
	}
	return { perAnomaly, incidents: counted.sort(), problems };
}
