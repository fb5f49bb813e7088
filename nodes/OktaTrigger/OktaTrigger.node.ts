import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { normaliseLogEvent } from '../Okta/helpers/logEvent';
import { configFingerprint, pollDeadline } from '../shared/polling';
import { oktaApiRequest } from '../Okta/transport';
import { drainSystemLog } from './drain';
import type { Cursor } from './drain';
import { PRESETS } from './presets';
import type { Preset } from './presets';
import { oktaAuth } from '../Okta/descriptions/auth.description';

const SAMPLE_SIZE = 5;

export class OktaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Okta Security Trigger',
		name: 'oktaTrigger',
		icon: { light: 'file:../../icons/okta.svg', dark: 'file:../../icons/okta.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on Okta System Log events: failed or risky sign-ins, threats, lockouts',
		defaults: { name: 'Okta Security Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: oktaAuth.credentials,
		properties: [
			oktaAuth.property,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Account Lockouts', value: 'accountLockouts', description: 'User.account.lock and lock.limit events' },
					{ name: 'Custom Filter', value: 'custom', description: 'Any System Log events matching your own SCIM filter' },
					{ name: 'Failed Sign-Ins', value: 'failedSignIns', description: 'User.session.start with outcome FAILURE' },
					{ name: 'High-Risk Sign-Ins', value: 'highRiskSignIns', description: 'Sign-ins Okta rated HIGH risk' },
					{
						name: 'New Device or Location',
						value: 'newDeviceOrLocation',
						description: 'Sign-ins where Okta flagged a new device, country, city or geo-location',
					},
					{
						name: 'Sign-In Anomalies',
						value: 'signInAnomalies',
						description:
							'Sign-ins rated MEDIUM or HIGH risk or with a new device or location, and ThreatInsight detections: what an incident-response workflow triages',
					},
					{
						name: 'ThreatInsight Detections',
						value: 'threatDetected',
						description: 'Security.threat.detected: requests from IPs ThreatInsight considers malicious',
					},
				],
				default: 'failedSignIns',
			},
			{
				displayName: 'Filter',
				name: 'filter',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. eventType eq "user.session.start" and outcome.result eq "FAILURE"',
				description: 'An Okta System Log SCIM filter, sent as typed. `published` cannot be used; the trigger manages time.',
				displayOptions: { show: { event: ['custom'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Max Events per Poll',
						name: 'maxEvents',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 10000,
						description: 'The rest is picked up by the next poll, so one burst cannot produce a huge execution',
					},
					{
						displayName: 'Page Size',
						name: 'pageSize',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1000 },
						default: 1000,
						description: 'Events per System Log request (Okta allows up to 1000)',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const preset = presetOf(this, event);
		const options = this.getNodeParameter('options', {}) as { pageSize?: number; maxEvents?: number };
		if (this.getMode() === 'manual') return await sampleEvents.call(this, preset);

		const pageSize = Math.min(Math.max(options.pageSize ?? 1000, 1), 1000);
		// What Okta's `next` link encodes (filter, limit) and what decides which events are emitted (the event).
		const config = configFingerprint([event, preset.filter, pageSize]);
		const data = this.getWorkflowStaticData('node') as Partial<Cursor>;
		if (typeof data.since !== 'string') {
			// First activation: start from now. Okta keeps 90 days; replaying them would flood the workflow.
			data.since = new Date().toISOString();
			data.seen = [];
			data.config = config;
			delete data.nextUrl;
			return null;
		}
		const { events, cursor } = await drainSystemLog.call(this, data as Cursor, {
			preset,
			pageSize,
			maxEvents: options.maxEvents ?? 10000,
			deadline: pollDeadline(this, Date.now()),
			config,
		});
		Object.assign(data, cursor);
		if (!cursor.nextUrl) delete data.nextUrl;
		if (events.length === 0) return null;
		return [this.helpers.returnJsonArray(events)];
	}
}

function presetOf(ctx: IPollFunctions, event: string): Preset {
	if (event === 'custom') {
		const filter = String(ctx.getNodeParameter('filter', '')).trim();
		if (!filter) {
			throw new NodeOperationError(ctx.getNode(), 'Filter is empty', {
				description: 'Enter an Okta System Log filter, e.g. eventType eq "user.session.start", or pick a preset event.',
			});
		}
		return { filter };
	}
	const preset = PRESETS[event];
	if (!preset) throw new NodeOperationError(ctx.getNode(), `Unknown event "${event}"`, { description: 'Pick an event from the list.' });
	return preset;
}

/** "Fetch Test Event": a few recent matching events, newest first, without touching the cursor. */
async function sampleEvents(this: IPollFunctions, preset: Preset): Promise<INodeExecutionData[][] | null> {
	const { body } = await oktaApiRequest.call(this, {
		method: 'GET',
		path: '/api/v1/logs',
		qs: { filter: preset.filter, sortOrder: 'DESCENDING', limit: preset.accept ? 200 : SAMPLE_SIZE, until: new Date().toISOString() },
	});
	const events = (Array.isArray(body) ? (body as unknown as IDataObject[]) : [])
		.map((e) => normaliseLogEvent(e))
		.filter((e) => !preset.accept || preset.accept(e))
		.slice(0, SAMPLE_SIZE);
	return events.length ? [this.helpers.returnJsonArray(events)] : null;
}
