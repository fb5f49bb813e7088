import type { NormalisedEvent } from '../Okta/helpers/logEvent';

export interface Preset {
	/** SCIM filter sent to Okta (never built from event data). */
	filter: string;
	/**
	 * A second check on the normalised event, for conditions Okta's filter cannot express over both forms of the
	 * data (structured `securityContext` and the `debugData` strings).
	 */
	accept?: (event: NormalisedEvent) => boolean;
}

const SIGN_IN = 'eventType eq "user.session.start"';

export const PRESETS: Record<string, Preset> = {
	failedSignIns: { filter: `${SIGN_IN} and outcome.result eq "FAILURE"` },
	threatDetected: { filter: 'eventType eq "security.threat.detected"' },
	highRiskSignIns: {
		filter: `${SIGN_IN} or eventType eq "policy.evaluate_sign_on"`,
		accept: (event) => event.riskLevel === 'HIGH',
	},
	accountLockouts: { filter: 'eventType eq "user.account.lock" or eventType eq "user.account.lock.limit"' },
	newDeviceOrLocation: {
		filter: SIGN_IN,
		accept: (event) => event.behaviors.some((b) => ['New Device', 'New Geo-Location', 'New Country', 'New City', 'New State'].includes(b)),
	},
};
