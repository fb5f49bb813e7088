/**
 * The connected Okta tenant: Vision One's identity sensor reads the Okta sandbox's System Log (a high-risk sign-in
 * or a detected threat raises a Workbench alert naming the Okta account) and its account response actions change
 * the Okta user, writing the System Log events Okta writes for them, acted by the Vision One integration.
 */
import { buildEvent } from '../okta/logStore';
import type { LogActor, LogEvent } from '../okta/logStore';
import { findUser } from '../okta/state';
import type { OktaState, OktaUser } from '../okta/state';
import type { AccountAction, Alert, VisionOneState } from './state';
import { alertId, isoSeconds } from './state';

export const VISION_ONE_ACTOR: LogActor = {
	id: '0oasbxtrendvisionone',
	type: 'PublicClientApp',
	alternateId: 'Trend Vision One',
	displayName: 'Trend Vision One',
};

export function connectedOkta(state: VisionOneState): OktaState | undefined {
	return state.peers.state<OktaState>('okta');
}

/** An Okta user by login (UPN), or by `domain\user` whose user part is the login's name before `@`. */
export function findOktaUser(okta: OktaState, accountName: string): OktaUser | undefined {
	const backslash = accountName.lastIndexOf('\\');
	return findUser(okta, backslash >= 0 ? accountName.slice(backslash + 1) : accountName);
}

function log(okta: OktaState, eventType: string, displayMessage: string, user: OktaUser): void {
	okta.logs.events.push(buildEvent(okta.logs, { eventType, displayMessage, actor: VISION_ONE_ACTOR, target: user, debugData: {} }));
}

function touch(okta: OktaState, user: OktaUser, status?: OktaUser['status']): void {
	const now = okta.clock.iso();
	if (status && status !== user.status) {
		user.status = status;
		user.statusChanged = now;
	}
	user.lastUpdated = now;
}

/** Carries an account action out on the Okta user; a message when Okta's lifecycle does not allow it. */
export function actOnOktaUser(okta: OktaState, user: OktaUser, action: AccountAction): string | undefined {
	switch (action) {
		case 'disableAccount':
			if (user.status === 'SUSPENDED') return undefined;
			if (!['ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT'].includes(user.status)) return `The Okta user is ${user.status} and cannot be disabled.`;
			touch(okta, user, 'SUSPENDED');
			delete okta.sessions[user.id];
			log(okta, 'user.lifecycle.suspend', 'Suspend Okta user', user);
			return undefined;
		case 'enableAccount':
			if (user.status === 'ACTIVE') return undefined;
			if (user.status === 'SUSPENDED') {
				touch(okta, user, 'ACTIVE');
				log(okta, 'user.lifecycle.unsuspend', 'Unsuspend Okta user', user);
				return undefined;
			}
			if (user.status === 'LOCKED_OUT') {
				touch(okta, user, 'ACTIVE');
				log(okta, 'user.account.unlock', 'Unlock user account', user);
				return undefined;
			}
			return `The Okta user is ${user.status} and cannot be enabled.`;
		case 'forceSignOut':
			delete okta.sessions[user.id];
			touch(okta, user);
			log(okta, 'user.session.clear', 'Clear user session', user);
			return undefined;
		case 'resetPassword':
			if (!['ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT'].includes(user.status)) return `The Okta user is ${user.status}; its password cannot be reset.`;
			delete okta.sessions[user.id];
			log(okta, 'user.session.clear', 'Clear user session', user);
			touch(okta, user, 'PASSWORD_EXPIRED');
			log(okta, 'user.account.expire_password', 'Expire password for Okta user', user);
			return undefined;
	}
}

function isAnomaly(event: LogEvent): boolean {
	if (event.actor.id === VISION_ONE_ACTOR.id) return false;
	if (event.eventType === 'security.threat.detected') return true;
	const level = event.securityContext.risk?.level ?? /level=(\w+)/.exec(event.debugContext.debugData.risk ?? '')?.[1];
	return event.eventType === 'user.session.start' && level === 'HIGH';
}

function oktaAlert(state: VisionOneState, event: LogEvent): Alert {
	const at = Date.parse(event.published);
	const threat = event.eventType === 'security.threat.detected';
	const login = event.actor.alternateId;
	const ip = event.client.ipAddress ?? '0.0.0.0';
	const reasons = event.securityContext.risk?.reasons ?? [];
	const model = threat ? 'Okta Threat Detected: Password Spray' : 'Okta Sign-In from Anomalous Location';
	return {
		schemaVersion: '1.12',
		id: alertId(state, at),
		investigationStatus: 'New',
		status: 'Open',
		investigationResult: 'No Findings',
		workbenchLink: `https://portal.xdr.trendmicro.com/index.html#/workbench/alerts/okta-${event.uuid}`,
		alertProvider: 'SAE',
		modelId: threat ? 'modelid-okta-threat-detected' : 'modelid-okta-anomalous-sign-in',
		model,
		modelType: 'preset',
		score: threat ? 70 : 64,
		severity: 'high',
		createdDateTime: isoSeconds(at),
		updatedDateTime: isoSeconds(at),
		ownerIds: [],
		impactScope: {
			desktopCount: 0,
			serverCount: 0,
			accountCount: 1,
			emailAddressCount: 0,
			containerCount: 0,
			cloudIdentityCount: 1,
			entities: [
				{ entityType: 'account', entityValue: login, entityId: event.actor.id, relatedEntities: [], relatedIndicatorIds: [1], provenance: ['Alert'] },
			],
		},
		description: `${model} for ${login} from ${ip} (${event.client.geographicalContext?.city ?? 'unknown'}, ${event.client.geographicalContext?.country ?? 'unknown'})${reasons.length ? `: ${reasons.join(', ')}` : ''}`,
		matchedRules: [
			{
				id: threat ? 'okta-threat-detected' : 'okta-anomalous-sign-in',
				name: model,
				matchedFilters: [{ id: `okta-${event.uuid}`, name: event.displayMessage, matchedDateTime: isoSeconds(at), mitreTechniqueIds: threat ? ['V9.T1110.003'] : ['V9.T1078.004'], matchedEvents: [{ uuid: event.uuid, matchedDateTime: isoSeconds(at), type: 'IDENTITY_SIGN_IN' }] }],
			},
		],
		indicators: [{ id: 1, type: 'ip', field: 'clientIp', value: ip, relatedEntities: [login], filterIds: [`okta-${event.uuid}`], provenance: ['Alert'] }],
	};
}

/** Turns Okta anomalies the sensor has not seen yet into Workbench alerts (run before every Vision One request). */
export function syncOktaAlerts(state: VisionOneState): void {
	const okta = connectedOkta(state);
	if (!okta) return;
	if (state.okta.store !== okta.logs) state.okta = { store: okta.logs, read: 0, seen: state.okta.seen };
	const events = okta.logs.events;
	for (; state.okta.read < events.length; state.okta.read++) {
		const event = events[state.okta.read];
		const key = `${event.uuid}|${event.published}`;
		if (!isAnomaly(event) || state.okta.seen.has(key)) continue;
		state.okta.seen.add(key);
		const alert = oktaAlert(state, event);
		state.alerts.push(alert);
		state.versions.set(alert.id, 1);
	}
}
