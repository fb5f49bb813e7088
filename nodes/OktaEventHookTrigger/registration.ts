import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oktaApiRequest, oktaErrorCode } from '../Okta/transport';

/** Event types registered when the user lists none: sign-in anomalies Okta marks as event-hook eligible. */
export const DEFAULT_HOOK_EVENT_TYPES = [
	'security.breached_credential.detected',
	'user.account.lock',
	'user.account.report_suspicious_activity_by_enduser',
	'user.authentication.auth_via_mfa',
	'user.risk.detect',
	'user.session.start',
];

export function eventTypesOf(ctx: { getNodeParameter(name: string, fallback?: unknown): unknown }): string[] {
	return String(ctx.getNodeParameter('eventTypes', '') ?? '')
		.split(/[\s,]+/)
		.map((t) => t.trim())
		.filter(Boolean);
}

function registering(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('register', false) === true;
}

/** Our hook in Okta: the one whose URI is this trigger's URL (the ID is kept in static data). */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	if (!registering(this)) return true;
	const data = this.getWorkflowStaticData('node');
	const url = this.getNodeWebhookUrl('default');
	const { body } = await oktaApiRequest.call(this, { method: 'GET', path: '/api/v1/eventHooks' });
	const hooks = (Array.isArray(body) ? body : []) as IDataObject[];
	const ours = hooks.find((h) => ((h.channel as IDataObject)?.config as IDataObject)?.uri === url);
	if (!ours || ours.status !== 'ACTIVE' || ours.verificationStatus !== 'VERIFIED') {
		delete data.hookId;
		return false;
	}
	data.hookId = ours.id;
	return true;
}

/** Registers the hook with the shared secret as its auth header, then asks Okta to verify it (the GET challenge). */
export async function create(this: IHookFunctions): Promise<boolean> {
	if (!registering(this)) return true;
	const data = this.getWorkflowStaticData('node');
	const url = this.getNodeWebhookUrl('default');
	const types = eventTypesOf(this);
	const { body: hook } = await oktaApiRequest.call(this, {
		method: 'POST',
		path: '/api/v1/eventHooks',
		body: {
			name: (this.getNodeParameter('hookName', '') as string) || `n8n ${this.getWorkflow().name ?? this.getWorkflow().id}`.slice(0, 255),
			events: { type: 'EVENT_TYPE', items: types.length ? types : DEFAULT_HOOK_EVENT_TYPES },
			channel: {
				type: 'HTTP',
				version: '1.0.0',
				config: {
					uri: url,
					headers: [],
					authScheme: {
						type: 'HEADER',
						key: this.getNodeParameter('headerName', 'Authorization') as string,
						value: this.getNodeParameter('secret') as string,
					},
				},
			},
		},
	});
	const id = encodeURIComponent(String(hook.id));
	data.hookId = hook.id;
	try {
		await oktaApiRequest.call(this, { method: 'POST', path: `/api/v1/eventHooks/${id}/lifecycle/verify` });
	} catch (error) {
		// Leave nothing half-made behind, then report why verification failed.
		await removeHook.call(this, id);
		delete data.hookId;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	return true;
}

/** Deactivates and deletes the hook this trigger registered (Okta deletes only inactive hooks). */
export async function remove(this: IHookFunctions): Promise<boolean> {
	if (!registering(this)) return true;
	const data = this.getWorkflowStaticData('node');
	if (typeof data.hookId !== 'string') return true;
	await removeHook.call(this, encodeURIComponent(data.hookId));
	delete data.hookId;
	return true;
}

async function removeHook(this: IHookFunctions, id: string): Promise<void> {
	try {
		await oktaApiRequest.call(this, { method: 'POST', path: `/api/v1/eventHooks/${id}/lifecycle/deactivate` });
		await oktaApiRequest.call(this, { method: 'DELETE', path: `/api/v1/eventHooks/${id}` });
	} catch (error) {
		// Someone already deleted it in Okta: nothing left to remove. Anything else is reported.
		if (oktaErrorCode(error) === 'E0000007') return;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}
