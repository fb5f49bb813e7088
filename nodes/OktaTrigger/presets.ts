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
const NEW_DEVICE_OR_LOCATION = ['New Device', 'New Geo-Location', 'New Country', 'New City', 'New State'];
const isNewDeviceOrLocation = (event: NormalisedEvent) => event.behaviors.some((b) => NEW_DEVICE_OR_LOCATION.includes(b));

export const PRESETS: Record<string, Preset> = {
	failedSignIns: { filter: `${SIGN_IN} and outcome.result eq "FAILURE"` },
	threatDetected: { filter: 'eventType eq "security.threat.detected"' },
	highRiskSignIns: {
		filter: `${SIGN_IN} or eventType eq "policy.evaluate_sign_on"`,
		accept: (event) => event.riskLevel === 'HIGH',
	},
	accountLockouts: { filter: 'eventType eq "user.account.lock" or eventType eq "user.account.lock.limit"' },
	newDeviceOrLocation: { filter: SIGN_IN, accept: isNewDeviceOrLocation },
	signInAnomalies: {
		filter: `${SIGN_IN} or eventType eq "policy.evaluate_sign_on" or eventType eq "security.threat.detected"`,
		accept: (event) =>
			event.eventType === 'security.threat.detected' ||
			event.riskLevel === 'MEDIUM' ||
			event.riskLevel === 'HIGH' ||
			isNewDeviceOrLocation(event),
	},
};
