import { randomUUID } from 'node:crypto';
import { z } from 'zod';

import type { Route } from '../../framework/types';
import { notFound, oktaError } from './errors';
import type { EventHook } from './eventHookStore';
import { publicHook } from './eventHookStore';
import { logAction } from './logStore';
import type { LogEvent } from './logStore';
import { oktaId } from './state';
import type { OktaState } from './state';

const createHookBody = z
	.object({
		name: z.string().min(1).max(255),
		events: z.object({ type: z.literal('EVENT_TYPE'), items: z.array(z.string().min(1)).min(1).max(300), filter: z.unknown().optional() }),
		channel: z.object({
			type: z.literal('HTTP'),
			version: z.literal('1.0.0'),
			config: z.object({
				uri: z.string().url().refine((u) => /^https?:\/\//.test(u), 'uri must be http(s)'),
				headers: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
				authScheme: z.object({ type: z.literal('HEADER'), key: z.string().min(1), value: z.string().min(1) }).optional(),
			}),
		}),
	})
	.passthrough();

function hookTarget(hook: EventHook) {
	return [{ id: hook.id, type: 'EventHook', alternateId: hook.channel.config.uri, displayName: hook.name }];
}

function hookHeaders(hook: EventHook): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const { key, value } of hook.channel.config.headers ?? []) headers[key] = value;
	const auth = hook.channel.config.authScheme;
	if (auth?.value) headers[auth.key] = auth.value;
	return headers;
}

/** Okta's one-time verification: a GET carrying the challenge, answered by `{"verification": <challenge>}` within 3 s. */
async function verifyHook(hook: EventHook): Promise<string | undefined> {
	const challenge = randomUUID().replace(/-/g, '');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const response = await fetch(hook.channel.config.uri, {
				method: 'GET',
				headers: { ...hookHeaders(hook), 'x-okta-verification-challenge': challenge, Accept: 'application/json' },
				signal: AbortSignal.timeout(3000),
			});
			const body = (await response.json().catch(() => ({}))) as { verification?: unknown };
			if (response.ok && body.verification === challenge) return undefined;
			if (response.status < 500) return `The endpoint answered ${response.status} without echoing the challenge.`;
		} catch (error) {
			if (attempt === 1) return `The endpoint could not be reached: ${(error as Error).message}`;
		}
	}
	return 'The endpoint did not echo the challenge.';
}

/** Delivers events to every active, verified hook subscribed to their types, as Okta's batched POST envelope. */
export async function deliverToHooks(state: OktaState, baseUrl: string, events: LogEvent[]): Promise<Array<{ hookId: string; status: number; events: number }>> {
	const results: Array<{ hookId: string; status: number; events: number }> = [];
	for (const hook of state.eventHooks) {
		if (hook.status !== 'ACTIVE' || hook.verificationStatus !== 'VERIFIED') continue;
		const batch = events.filter((e) => hook.events.items.includes(e.eventType));
		if (batch.length === 0) continue;
		const envelope = {
			eventType: 'com.okta.event_hook',
			eventTypeVersion: '1.0',
			cloudEventsVersion: '0.1',
			source: `${baseUrl}/api/v1/eventHooks/${hook.id}`,
			eventId: randomUUID(),
			data: { events: batch },
			eventTime: state.clock.iso(),
			contentType: 'application/json',
		};
		let status = 0;
		// At most one retry, and never after a 4xx.
		for (let attempt = 0; attempt < 2; attempt++) {
			try {
				const response = await fetch(hook.channel.config.uri, {
					method: 'POST',
					headers: { ...hookHeaders(hook), 'Content-Type': 'application/json', Accept: 'application/json' },
					body: JSON.stringify(envelope),
					signal: AbortSignal.timeout(3000),
				});
				status = response.status;
				if (status < 500) break;
			} catch {
				status = -1;
			}
		}
		results.push({ hookId: hook.id, status, events: batch.length });
	}
	return results;
}

export const eventHookRoutes: Route<OktaState>[] = [
	{
		method: 'GET',
		path: '/api/v1/eventHooks',
		bucket: '/api/v1/eventHooks',
		handle: (state) => ({ status: 200, body: state.eventHooks.map(publicHook) }),
	},
	{
		method: 'POST',
		path: '/api/v1/eventHooks',
		bucket: '/api/v1/eventHooks',
		body: createHookBody,
		handle(state, req) {
			const input = req.body as z.infer<typeof createHookBody>;
			if (state.eventHooks.filter((h) => h.status === 'ACTIVE').length >= 25) {
				return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', ['An org may have at most 25 active event hooks.']);
			}
			const now = state.clock.iso();
			const hook: EventHook = {
				id: oktaId('who', state.eventHooks.length + 1 + state.logs.counter),
				name: input.name,
				status: 'ACTIVE',
				verificationStatus: 'UNVERIFIED',
				created: now,
				lastUpdated: now,
				events: { type: 'EVENT_TYPE', items: input.events.items, ...(input.events.filter ? { filter: input.events.filter } : {}) },
				channel: { type: 'HTTP', version: '1.0.0', config: { uri: input.channel.config.uri, headers: input.channel.config.headers ?? [], authScheme: input.channel.config.authScheme } },
			};
			state.eventHooks.push(hook);
			logAction(state.logs, 'event_hook.created', 'Event hook created', hookTarget(hook));
			return { status: 200, body: publicHook(hook) };
		},
	},
	{
		method: 'GET',
		path: '/api/v1/eventHooks/:eventHookId',
		bucket: '/api/v1/eventHooks',
		handle(state, req) {
			const hook = state.eventHooks.find((h) => h.id === req.params.eventHookId);
			return hook ? { status: 200, body: publicHook(hook) } : notFound(req.params.eventHookId, 'EventHook');
		},
	},
	{
		method: 'DELETE',
		path: '/api/v1/eventHooks/:eventHookId',
		bucket: '/api/v1/eventHooks',
		handle(state, req) {
			const hook = state.eventHooks.find((h) => h.id === req.params.eventHookId);
			if (!hook) return notFound(req.params.eventHookId, 'EventHook');
			if (hook.status === 'ACTIVE') return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', ['Deactivate the event hook before deleting it.']);
			state.eventHooks = state.eventHooks.filter((h) => h !== hook);
			logAction(state.logs, 'event_hook.deleted', 'Event hook deleted', hookTarget(hook));
			return { status: 204 };
		},
	},
	...(['activate', 'deactivate'] as const).map(
		(action): Route<OktaState> => ({
			method: 'POST',
			path: `/api/v1/eventHooks/:eventHookId/lifecycle/${action}`,
			bucket: '/api/v1/eventHooks',
			handle(state, req) {
				const hook = state.eventHooks.find((h) => h.id === req.params.eventHookId);
				if (!hook) return notFound(req.params.eventHookId, 'EventHook');
				hook.status = action === 'activate' ? 'ACTIVE' : 'INACTIVE';
				hook.lastUpdated = state.clock.iso();
				logAction(state.logs, `event_hook.${action}d`, `Event hook ${action}d`, hookTarget(hook));
				return { status: 200, body: publicHook(hook) };
			},
		}),
	),
	{
		method: 'POST',
		path: '/api/v1/eventHooks/:eventHookId/lifecycle/verify',
		bucket: '/api/v1/eventHooks',
		async handle(state, req) {
			const hook = state.eventHooks.find((h) => h.id === req.params.eventHookId);
			if (!hook) return notFound(req.params.eventHookId, 'EventHook');
			const failure = await verifyHook(hook);
			if (failure) {
				logAction(state.logs, 'event_hook.verification_failed', 'Event hook verification failed', hookTarget(hook));
				return oktaError(400, 'E0000001', 'Api validation failed: Verification of event hook failed.', [failure]);
			}
			hook.verificationStatus = 'VERIFIED';
			hook.lastUpdated = state.clock.iso();
			logAction(state.logs, 'event_hook.verified', 'Event hook verified', hookTarget(hook));
			return { status: 200, body: publicHook(hook) };
		},
	},
];
