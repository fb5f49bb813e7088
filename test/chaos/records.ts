import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { OktaState, OktaUser } from '../../sandbox/vendors/okta/state';
import type { Rec } from '../../sandbox/vendors/servicenow/query';
import type { ServiceNowState } from '../../sandbox/vendors/servicenow/state';
import type { Incident as XsoarIncident, XsoarState } from '../../sandbox/vendors/xsoar/state';
import type { RunResult } from '../harness';

/*
 * What the templates left in the sandbox, read from its state (not over HTTP, so injected faults cannot blur the
 * verdict), and what a node produced over all of its runs: nodes after a branch point run once per branch.
 */

export function oktaUser(sandbox: Sandbox, login: string): OktaUser {
	const user = sandbox.state<OktaState>('okta').users.find((u) => u.profile.login === login);
	if (!user) throw new Error(`No Okta user ${login} in the sandbox`);
	return user;
}

export function incidents(sandbox: Sandbox, correlationId?: string): Rec[] {
	const all = sandbox.state<ServiceNowState>('servicenow').tables.incident;
	return correlationId === undefined ? all : all.filter((incident) => incident.correlation_id === correlationId);
}

/** Work notes of an incident, oldest first, with their author. */
export function workNotes(sandbox: Sandbox, sysId: string): Array<{ value: string; by: string; at: string }> {
	return sandbox
		.state<ServiceNowState>('servicenow')
		.tables.sys_journal_field.filter((entry) => entry.element_id === sysId && entry.element === 'work_notes')
		.map((entry) => ({ value: entry.value, by: entry.sys_created_by, at: entry.sys_created_on }));
}

/** Items a node put on one output, over all its runs in the execution. */
export function outputs(result: RunResult | undefined, nodeName: string, outputIndex = 0): IDataObject[] {
	const runs = result?.run.data.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[outputIndex] ?? []).map((item) => item.json));
}

/** XSOAR incidents (every status) whose External Key custom field holds `key`, oldest first. */
export function xsoarIncidents(sandbox: Sandbox, key?: string, keyField = 'externalkey'): XsoarIncident[] {
	const all = sandbox.state<XsoarState>('xsoar').incidents;
	return key === undefined ? all : all.filter((incident) => incident.CustomFields[keyField] === key);
}

/** The War Room entries of an XSOAR incident, oldest first. */
export function warRoomEntries(sandbox: Sandbox, incidentId: string): string[] {
	return (sandbox.state<XsoarState>('xsoar').investigations.get(incidentId)?.entries ?? []).map((entry) => entry.contents);
}

/** Okta System Log events about a user (its `target`), oldest first, with the actor's display name. */
export function oktaEventsAbout(sandbox: Sandbox, userId: string): Array<{ eventType: string; actor: string }> {
	return sandbox
		.state<OktaState>('okta')
		.logs.events.filter((event) => event.target.some((target) => target.id === userId))
		.map((event) => ({ eventType: event.eventType, actor: event.actor.displayName }));
}
