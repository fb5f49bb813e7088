import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { oktaApiRequest, oktaErrorCode, oktaVendor } from '../Okta/transport';
import { vendorApiError } from '../shared/errors';
import { HOOK_SECRET_CREDENTIAL, hookSecret, secretProblem } from './auth';

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
	const problem = secretProblem(await this.getCredentials<ICredentialDataDecryptedObject>(HOOK_SECRET_CREDENTIAL));
	if (problem) {
		throw new NodeOperationError(this.getNode(), 'The Event Hook Secret credential cannot protect the hook', {
			description: `${problem}. Fix it in the credential: Okta sends the header with every delivery and the trigger refuses deliveries without it.`,
		});
	}
	const { headerName, secret } = await hookSecret(this);
	let hook: IDataObject;
	try {
		({ body: hook } = await oktaApiRequest.call(this, {
			method: 'POST',
			path: '/api/v1/eventHooks',
			body: {
				name: (this.getNodeParameter('hookName', '') as string) || `n8n ${this.getWorkflow().name ?? this.getWorkflow().id}`.slice(0, 255),
				events: { type: 'EVENT_TYPE', items: types.length ? types : DEFAULT_HOOK_EVENT_TYPES },
				channel: {
					type: 'HTTP',
					version: '1.0.0',
					config: { uri: url, headers: [], authScheme: { type: 'HEADER', key: headerName, value: secret } },
				},
			},
		}));
	} catch (error) {
		throw withoutSecret(this, error, secret);
	}
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

/**
 * The transport redacts the Okta API credential from errors, not the hook secret this request carried: should Okta
 * echo it (a validation message quoting the value), the error is rebuilt from Okta's answer without it.
 */
function withoutSecret(ctx: IHookFunctions, error: unknown, secret: string): Error {
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	if (!response) return error as Error;
	const statusCode = Number(response.httpCode) || undefined;
	return vendorApiError(ctx.getNode(), {
		vendor: oktaVendor,
		statusCode,
		body: response.body,
		message: response.body === undefined ? String(response.message ?? '') : undefined,
		secrets: [secret],
	});
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
