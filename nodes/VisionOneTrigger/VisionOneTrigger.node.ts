import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { configFingerprint, pollDeadline } from '../shared/polling';
import { visionOneAuth } from '../VisionOne/descriptions/auth.description';
import { isoSeconds, simplifyAlert } from '../VisionOne/helpers/alert';
import { alertFilter } from '../VisionOne/helpers/filter';
import { visionOneListAll } from '../VisionOne/transport';
import type { TriggerState } from './cursor';
import { MAX_SEEN } from './cursor';

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

export class VisionOneTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trend Vision One Trigger',
		name: 'visionOneTrigger',
		icon: { light: 'file:../../icons/visionone.svg', dark: 'file:../../icons/visionone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Trend Vision One raises or updates a Workbench alert, or a case is updated',
		defaults: { name: 'Trend Vision One Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: visionOneAuth.credentials,
		properties: [
			visionOneAuth.property,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Workbench Alert', value: 'created' },
					{ name: 'Workbench Alert Updated', value: 'updated', description: 'Each change of an alert (status, result, new findings), new alerts included' },
					{ name: 'Case Updated', value: 'caseUpdated', description: 'Each change of a Case Management case (e.g. a ServiceNow-synced case closed), new cases included' },
				],
				default: 'created',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show: { event: ['created', 'updated'] } },
				options: [
					{ displayName: 'Model', name: 'model', type: 'string', default: '', description: 'Only alerts of this detection model (exact name)' },
					{ displayName: 'Model ID', name: 'modelId', type: 'string', default: '' },
					{
						displayName: 'Raw TMV1-Filter (Unescaped)',
						name: 'rawFilter',
						type: 'string',
						default: '',
						placeholder: "e.g. alertProvider eq 'SAE'",
						description: 'A TMV1-Filter expression sent as typed, combined with the other filters by "and"',
					},
					{ displayName: 'Severities', name: 'severities', type: 'multiOptions', default: [], options: SEVERITIES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })) },
				],
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description: 'Whether to return a simplified version of each alert (accounts, hosts, emails, indicators) instead of the raw data',
				displayOptions: { show: { event: ['created', 'updated'] } },
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const started = Date.now();
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const event = this.getNodeParameter('event', 'created') as string;
		const cases = event === 'caseUpdated';
		const target = event === 'created' ? 'createdDateTime' : 'updatedDateTime';
		const path = cases ? '/v3.0/caseManagement/cases' : '/v3.0/workbench/alerts';
		// Cases page by `top` (10, 50, 100); the alert list has no page size.
		const pageSize = cases ? { top: 100 } : {};
		const filter = cases ? undefined : alertFilter(this.getNode(), this.getNodeParameter('filters', {}) as IDataObject, 0);
		const simplified = !cases && (this.getNodeParameter('simplify', false) as boolean);
		const shape = (records: IDataObject[]) => this.helpers.returnJsonArray(simplified ? records.map(simplifyAlert) : records);
		const headers = filter ? { 'TMV1-Filter': filter } : undefined;
		const now = isoSeconds(started);
		const list = (startDateTime: string, orderBy: string) => ({ method: 'GET' as const, path, qs: { ...pageSize, startDateTime, endDateTime: now, dateTimeTarget: target, orderBy }, headers });

		if (this.getMode() === 'manual') {
			// A test run shows what the workflow will get: the latest matching alerts of the past week, cursor untouched.
			const recent = await visionOneListAll.call(this, list(isoSeconds(started - 7 * 86_400_000), `${target} desc`), { limit: 5 });
			return recent.length ? [shape(recent)] : null;
		}

		const deadline = pollDeadline(this, started);
		const config = configFingerprint([path, target, filter ?? '']);
		if (!state.ts) {
			// No backfill: start at this second, counting records already stamped with it as read.
			const current = await visionOneListAll.call(this, { ...list(now, `${target} asc`), deadline });
			state.ts = now;
			state.seen = current.map((alert) => String(alert.id));
			state.config = config;
			return null;
		}
		// Another event or filter (the digest differs): continue from the last emitted second, what was emitted in it
		// staying read, and remember the configuration the cursor now follows.
		state.config = config;

		const emitted: IDataObject[] = [];
		let ts = state.ts;
		let seen = new Set(state.seen ?? []);
		try {
			await visionOneListAll.call(
				this,
				{ ...list(ts, `${target} asc`), deadline },
				{
					deadline,
					onPage: (records) => {
						for (const record of records) {
							// Compared at the second, the precision Vision One documents (and the window's startDateTime has).
							const parsed = Date.parse(String(record[target] ?? ''));
							const at = Number.isNaN(parsed) ? ts : isoSeconds(parsed);
							const id = String(record.id);
							if (at < ts || (at === ts && seen.has(id))) continue;
							if (at !== ts) seen = new Set();
							ts = at;
							seen.add(id);
							emitted.push(record);
						}
					},
				},
			);
		} catch (error) {
			// Throttled past the retries or out of time mid-drain: hand on what was read; the cursor stops at its last.
			if (emitted.length === 0) throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		state.ts = ts;
		state.seen = [...seen].slice(-MAX_SEEN);
		return emitted.length ? [shape(emitted)] : null;
	}
}
