import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { normaliseLogEvent } from '../Okta/helpers/logEvent';
import { secretMatches, validChallenge } from './auth';
import { checkExists, create, eventTypesOf, remove } from './registration';
import { oktaAuthentication, oktaCredentials } from '../Okta/descriptions/auth.description';

/** Okta batches events; a delivery far above this is not Okta. */
const MAX_BODY_BYTES = 1024 * 1024;

export class OktaEventHookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Okta Security Event Hook Trigger',
		name: 'oktaEventHookTrigger',
		icon: { light: 'file:../../icons/okta.svg', dark: 'file:../../icons/okta.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["eventTypes"] || "Okta event hook"}}',
		description: 'Starts the workflow when Okta pushes System Log events to an event hook (near real time)',
		defaults: { name: 'Okta Security Event Hook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Credentials are needed only to register the hook in Okta.
		credentials: oktaCredentials.map((credential) => ({
			...credential,
			displayOptions: { show: { ...credential.displayOptions?.show, register: [true] } },
		})),
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'In Okta, an event hook sends the header below with every delivery. Use a long random secret; deliveries without it are refused with 401.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Header Name',
				name: 'headerName',
				type: 'string',
				default: 'Authorization',
				required: true,
				description: 'The header Okta sends the secret in (the event hook’s authentication field)',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description: 'The value Okta sends in that header; compared in constant time',
			},
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. user.session.start, user.account.lock',
				description:
					'Comma-separated event types to pass on; others are acknowledged and dropped. Empty passes every event Okta sends.',
			},
			{
				displayName: 'Register in Okta',
				name: 'register',
				type: 'boolean',
				default: false,
				description:
					'Whether to create and verify the event hook through Okta’s Event Hooks API when the workflow is activated, and delete it on deactivation (needs the okta.eventHooks.manage scope or an admin token)',
			},
			{ ...oktaAuthentication, displayOptions: { show: { register: [true] } } },
			{
				displayName: 'Hook Name',
				name: 'hookName',
				type: 'string',
				default: '',
				placeholder: 'e.g. n8n SOC sign-in anomalies',
				description: 'Name shown in Okta; defaults to the workflow name',
				displayOptions: { show: { register: [true] } },
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const headers = this.getHeaderData() as IDataObject;

		// Okta's one-time verification: echo the challenge, start nothing.
		if (this.getWebhookName() === 'setup') {
			const challenge = headers['x-okta-verification-challenge'];
			if (!validChallenge(challenge)) {
				res.status(400).json({ error: 'Missing or malformed x-okta-verification-challenge header' });
				return { noWebhookResponse: true };
			}
			res.status(200).json({ verification: challenge });
			return { noWebhookResponse: true };
		}

		const headerName = String(this.getNodeParameter('headerName', 'Authorization')).toLowerCase();
		if (!secretMatches(headers[headerName], this.getNodeParameter('secret', '') as string)) {
			res.status(401).json({ error: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		const request = this.getRequestObject() as { rawBody?: Buffer };
		const size = request.rawBody?.length ?? JSON.stringify(this.getBodyData() ?? {}).length;
		if (size > MAX_BODY_BYTES) {
			res.status(413).json({ error: 'Payload too large' });
			return { noWebhookResponse: true };
		}

		const data = (this.getBodyData() as IDataObject)?.data as IDataObject | undefined;
		const events = Array.isArray(data?.events) ? (data.events as IDataObject[]) : [];
		const wanted = new Set(eventTypesOf(this));
		const items = events
			.filter((event) => wanted.size === 0 || wanted.has(String(event.eventType)))
			.map((event) => normaliseLogEvent(event));
		if (items.length === 0) {
			// Acknowledge so Okta does not retry; there is nothing to run the workflow for.
			res.status(204).end();
			return { noWebhookResponse: true };
		}
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
