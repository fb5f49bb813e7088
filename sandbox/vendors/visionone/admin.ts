import { z } from 'zod';

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
});

const touchBody = z.object({ id: z.string(), status: z.enum(['Open', 'In Progress', 'Closed']).optional() });

/** `POST /__admin/vendor/visionone/<action>`. */
export const visionOneAdmin: Record<string, (state: VisionOneState, body: Record<string, unknown>) => unknown> = {
	/** New Workbench alerts now (or at `createdDateTime`), shaped like the seeded SAE sample. */
	raiseAlerts(state, body) {
		const input = raiseBody.parse(body);
		const at = input.createdDateTime ? Date.parse(input.createdDateTime) : state.clock.now();
		const raised: Alert[] = [];
		for (let i = 0; i < input.count; i++) {
			const [template] = seedAlerts(at);
			const alert: Alert = {
				...structuredClone(template),
				id: alertId(state, at),
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
