import type {
	IDataObject,
	IHookFunctions,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestBodySize, secretMatches, webhookAnswer } from '../shared/webhook';
import { hookSecret, secretProblem, validChallenge } from './auth';
import { firstDeliveries, parseDelivery } from './delivery';
import type { DeliveryMemory } from './delivery';
import { checkExists, create, eventTypesOf, remove } from './registration';
import { oktaAuth } from '../Okta/descriptions/auth.description';

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
		// The shared secret, always; an Okta API credential only to register the hook in Okta. Written out (not derived
		// from oktaAuth) because n8n's lint rules read `testedBy` and the credential names from this literal.
		credentials: [
			{ name: 'secOpsOktaEventHookApi', required: true, testedBy: 'eventHookSecret' },
			{ name: 'secOpsOktaApi', required: true, displayOptions: { show: { register: [true], authentication: ['apiToken'] } } },
			{ name: 'secOpsOktaOAuth2Api', required: true, displayOptions: { show: { register: [true], authentication: ['oAuth2'] } } },
		],
		// `setup` first: n8n registers webhooks in this order and runs `create` when it reaches `default`, and Okta's
		// verification GET arrives during `create`, so the GET route must already exist.
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Okta sends the header and secret of the Event Hook Secret credential with every delivery; deliveries without them are refused with 401.',
				name: 'notice',
				type: 'notice',
				default: '',
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
			{ ...oktaAuth.property, displayOptions: { show: { register: [true] } } },
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

	methods = {
		credentialTest: {
			// Nothing at Okta can check a hook secret; what can be checked is that it is usable and not trivially short.
			async eventHookSecret(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const problem = secretProblem(credential.data);
				return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'Header name and secret can protect an Okta event hook' };
			},
		},
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
		const headers = this.getHeaderData() as IDataObject;
		const answer = (status: number, body?: IDataObject) => webhookAnswer(this, status, body);

		// Okta's one-time verification: echo the challenge, start nothing.
		if (this.getWebhookName() === 'setup') {
			const challenge = headers['x-okta-verification-challenge'];
			if (!validChallenge(challenge)) return answer(400, { error: 'Missing or malformed x-okta-verification-challenge header' });
			return answer(200, { verification: challenge });
		}

		const { headerName, secret } = await hookSecret(this);
		if (!secretMatches(headers[headerName.toLowerCase()], secret)) return answer(401, { error: 'Unauthorized' });
		if (requestBodySize(this) > MAX_BODY_BYTES) return answer(413, { error: 'Payload too large' });
		const request = this.getRequestObject() as { rawBody?: Buffer };

		// A 4xx tells Okta not to retry: right for a body that will never be a valid delivery.
		const delivery = parseDelivery(request.rawBody, this.getBodyData());
		if ('problem' in delivery) return answer(400, { error: delivery.problem });
		const wanted = new Set(eventTypesOf(this));
		const passed = delivery.events.filter((event) => wanted.size === 0 || wanted.has(event.eventType));
		const fresh = firstDeliveries(passed, this.getWorkflowStaticData('node') as DeliveryMemory);
		const acknowledged = answer(200);
		// Events of other types and repeats of delivered ones are acknowledged, so Okta does not retry, and start nothing.
		if (fresh.length === 0) return acknowledged;
		return { ...acknowledged, workflowData: [this.helpers.returnJsonArray(fresh)] };
	}
}
