import { z } from 'zod';

import type { Case } from './cases';
import { linkAlerts } from './cases';
import { seedAlerts } from './samples';
import type { Alert, VisionOneState } from './state';
import { alertId, isoSeconds } from './state';

const raiseBody = z.object({
	count: z.number().int().min(1).max(1000).default(1),
	model: z.string().optional(),
	severity: z.enum(['critical', 'high', 'medium', 'low']).optional(),
	account: z.string().optional(),
	/** Every raised alert gets this `createdDateTime` (ties at page edges); default the tenant's now. */
	createdDateTime: z.string().datetime().optional(),
	/** The ID of a single raised alert (e.g. a template's sample); refused when it exists. */
	id: z.string().regex(/^WB-\d+-\d{8}-\d{5}$/).optional(),
}).refine((b) => b.id === undefined || b.count === 1, 'id raises one alert: leave count at 1');

/** An analyst opening a case in the console, linking Workbench alerts (`associatedItemIds`, and each alert's `caseId`). */
const openCaseBody = z.object({
	/** The case's ID (e.g. a template's sample); refused when it exists. Default: the next one. */
	id: z.string().regex(/^CL-\d+-\d{8}-\d{5}$/).optional(),
	name: z.string().min(1),
	associatedItemIds: z.array(z.string()).default([]),
	priority: z.enum(['P0', 'P1', 'P2', 'P3']).default('P2'),
	type: z.enum(['Workbench', 'Forensics', 'ManagedService', 'TPIServiceNow', 'Others']).default('Workbench'),
	externalTicketId: z.string().default(''),
	externalTicketAlias: z.string().default(''),
});

/** An analyst changing a case in the console: new `updatedDateTime` (and ETag), `externalTicketUpdatedDateTime` untouched. */
const touchCaseBody = z.object({
	id: z.string(),
	status: z.enum(['Open', 'In-progress', 'Closed']).optional(),
	priority: z.enum(['P0', 'P1', 'P2', 'P3']).optional(),
	associatedItemIds: z.array(z.string()).optional(),
});

const touchBody = z.object({ id: z.string(), status: z.enum(['Open', 'In Progress', 'Closed']).optional() });

/** `POST /__admin/vendor/visionone/<action>`. */
export const visionOneAdmin: Record<string, (state: VisionOneState, body: Record<string, unknown>) => unknown> = {
	/** New Workbench alerts now (or at `createdDateTime`), shaped like the seeded SAE sample. */
	raiseAlerts(state, body) {
		const input = raiseBody.parse(body);
		const at = input.createdDateTime ? Date.parse(input.createdDateTime) : state.clock.now();
		const raised: Alert[] = [];
		if (input.id && state.alerts.some((a) => a.id === input.id)) throw new Error(`Alert ${input.id} exists`);
		for (let i = 0; i < input.count; i++) {
			const [template] = seedAlerts(at);
			const alert: Alert = {
				...structuredClone(template),
				id: input.id ?? alertId(state, at),
				createdDateTime: isoSeconds(at),
				updatedDateTime: isoSeconds(at),
				...(input.model ? { model: input.model, modelId: `modelid-${input.model.toLowerCase().replace(/[^a-z]+/g, '-')}` } : {}),
				...(input.severity ? { severity: input.severity } : {}),
			};
			if (input.account) alert.impactScope.entities[0].entityValue = input.account;
			state.alerts.push(alert);
			state.versions.set(alert.id, 1);
			raised.push(alert);
		}
		return { raised: raised.map((a) => a.id) };
	},

	/** An analyst changes an alert in the console: a new `updatedDateTime` (and ETag). */
	touchAlert(state, body) {
		const input = touchBody.parse(body);
		const alert = state.alerts.find((a) => a.id === input.id);
		if (!alert) throw new Error(`No alert ${input.id}`);
		if (input.status) alert.status = input.status;
		alert.updatedDateTime = isoSeconds(state.clock.now());
		state.versions.set(alert.id, (state.versions.get(alert.id) ?? 1) + 1);
		return { id: alert.id, updatedDateTime: alert.updatedDateTime };
	},

	/** A case as an analyst opens it in the console (type Workbench unless given); linked alerts get its `caseId`. */
	openCase(state, body) {
		const input = openCaseBody.parse(body);
		const missing = input.associatedItemIds.filter((id) => !state.alerts.some((a) => a.id === id));
		if (missing.length) throw new Error(`No alert ${missing.join(', ')}`);
		if (input.id && state.cases.some((c) => c.id === input.id)) throw new Error(`Case ${input.id} exists`);
		const now = isoSeconds(state.clock.now());
		const created: Case = {
			...input,
			id: input.id ?? `CL-1-${now.slice(0, 10).replace(/-/g, '')}-${String(++state.caseCounter).padStart(5, '0')}`,
			status: 'Open',
			relatedCaseIds: [],
			createdDateTime: now,
			updatedDateTime: now,
			version: 1,
		};
		state.cases.push(created);
		linkAlerts(state, created);
		return { id: created.id };
	},

	/** An analyst changes a case: status, priority or linked alerts. */
	touchCase(state, body) {
		const { id, ...changes } = touchCaseBody.parse(body);
		const found = state.cases.find((c) => c.id === id);
		if (!found) throw new Error(`No case ${id}`);
		Object.assign(found, changes, { updatedDateTime: isoSeconds(state.clock.now()) });
		found.version++;
		linkAlerts(state, found);
		return { id: found.id, updatedDateTime: found.updatedDateTime };
	},

	/** How long new response tasks take, e.g. `{"finishPolls": 100, "finishMs": 600000}` for a task that outlasts a wait. */
	taskTiming(state, body) {
		const timing = z.object({ startPolls: z.number().int().min(0), startMs: z.number().int().min(0), finishPolls: z.number().int().min(0), finishMs: z.number().int().min(0) }).partial().parse(body);
		state.taskTiming = { ...state.taskTiming, ...timing };
		return state.taskTiming;
	},

	/** Workbench list page size, e.g. `{"size": 2}` to put page edges where a test wants them. */
	alertPageSize(state, body) {
		state.alertPageSize = z.object({ size: z.number().int().min(1).max(1000) }).parse(body).size;
		return { size: state.alertPageSize };
	},
};
