import { z } from 'zod';

import { deliverToHooks } from './eventHooks';
import { buildEvent, signInEvent, userActor } from './logStore';
import type { LogEvent, SignInOptions } from './logStore';
import { findUser } from './state';
import type { OktaState, OktaUser } from './state';

const anomalyBody = z.object({
	login: z.string().min(1),
	kind: z.enum(['newLocation', 'failedSignIns', 'threat', 'lockout', 'highRisk']).default('newLocation'),
	/** Failed sign-ins to write before the lockout (kind `failedSignIns`). */
	count: z.number().int().min(1).max(100).default(5),
	riskForm: z.enum(['structured', 'string', 'both']).default('both'),
});

const appendBody = z.object({
	count: z.number().int().min(1).max(100_000),
	eventType: z.string().default('user.session.start'),
	result: z.enum(['SUCCESS', 'FAILURE', 'DENY', 'ALLOW']).default('FAILURE'),
	login: z.string().optional(),
	/** Every appended event gets this `published` (to test ties at page edges). */
	published: z.string().datetime().optional(),
	/** Shift `published` into the past: events persisted late, as Okta sometimes does. */
	publishedOffsetMs: z.number().int().min(0).default(0),
});

function userFor(state: OktaState, login: string | undefined, index: number): OktaUser {
	if (login) {
		const user = findUser(state, login);
		if (!user) throw new Error(`No Okta user ${login}`);
		return user;
	}
	const active = state.users.filter((u) => u.status === 'ACTIVE');
	return active[index % active.length];
}

const summary = (events: LogEvent[]) => ({
	appended: events.length,
	uuids: events.length <= 50 ? events.map((e) => e.uuid) : undefined,
	first: events[0]?.uuid,
	last: events[events.length - 1]?.uuid,
	events: events.length <= 10 ? events : undefined,
});

/** `POST /__admin/vendor/okta/<action>`: drive the org the way an attacker or a busy org would. */
export const oktaAdmin: Record<string, (state: OktaState, body: Record<string, unknown>) => unknown> = {
	/** A sign-in anomaly for one user, e.g. `{"login":"alice.anders@acme.example","kind":"newLocation"}`. */
	seedSignInAnomaly(state, body) {
		const input = anomalyBody.parse(body);
		const user = userFor(state, input.login, 0);
		const events: LogEvent[] = [];
		const foreign: SignInOptions = { ip: '185.220.101.4', city: 'Frankfurt am Main', country: 'Germany', riskForm: input.riskForm };
		if (input.kind === 'newLocation' || input.kind === 'highRisk') {
			events.push(
				signInEvent(state.logs, user, {
					...foreign,
					riskLevel: 'HIGH',
					riskReasons: ['Anomalous Location', 'Anomalous Device'],
					behaviors: { 'New Geo-Location': 'POSITIVE', 'New Device': 'POSITIVE', 'New Country': 'POSITIVE', Velocity: 'POSITIVE', 'New IP': 'POSITIVE' },
					userAgent: 'python-requests/2.31.0',
				}),
			);
		}
		if (input.kind === 'failedSignIns' || input.kind === 'lockout') {
			for (let i = 0; i < input.count; i++) events.push(signInEvent(state.logs, user, { ...foreign, result: 'FAILURE', reason: 'INVALID_CREDENTIALS', riskLevel: 'MEDIUM', riskReasons: ['Anomalous Location'] }));
		}
		if (input.kind === 'lockout') {
			user.status = 'LOCKED_OUT';
			user.statusChanged = state.clock.iso();
			events.push(buildEvent(state.logs, { eventType: 'user.account.lock', displayMessage: 'Max sign in attempts exceeded', actor: userActor(user), target: user, result: 'FAILURE', reason: 'LOCKED_OUT', severity: 'WARN', ...foreign }));
		}
		if (input.kind === 'threat') {
			events.push(buildEvent(state.logs, { eventType: 'security.threat.detected', displayMessage: 'Request from suspicious actor', actor: userActor(user), result: 'DENY', reason: 'Password Spray', severity: 'WARN', ip: '45.155.205.233', city: 'Amsterdam', country: 'Netherlands', debugData: { threatSuspected: 'true' } }));
		}
		state.logs.events.push(...events);
		return summary(events);
	},

	/** N more System Log events, e.g. `{"count": 20000}` for the bench or `{"count": 2, "published": "…"}` for ties. */
	appendLogEvents(state, body) {
		const input = appendBody.parse(body);
		const published = input.published ?? new Date(state.clock.now() - input.publishedOffsetMs).toISOString();
		const events: LogEvent[] = [];
		for (let i = 0; i < input.count; i++) {
			const user = userFor(state, input.login, i);
			events.push(signInEvent(state.logs, user, { eventType: input.eventType, result: input.result, published, ip: `198.51.100.${(i % 250) + 1}` }));
		}
		state.logs.events.push(...events);
		return summary(events);
	},

	/** Every issued OAuth token stops working (the next call answers 401), as when Okta's one hour is up. */
	expireOAuthTokens(state) {
		return { expired: state.oauth.tokens.expireAll() };
	},

	/** Sends the last `count` System Log events to every active, verified event hook subscribed to their types. */
	async deliverEventHooks(state, body) {
		const count = typeof body.count === 'number' ? body.count : 10;
		const baseUrl = typeof body.baseUrl === 'string' ? body.baseUrl : 'http://127.0.0.1/okta';
		return { deliveries: await deliverToHooks(state, baseUrl, state.logs.events.slice(-count)) };
	},
};
