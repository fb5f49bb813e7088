/** The trigger's static data: the last emitted second and the alerts already emitted in it. */
export interface TriggerState {
	/** `yyyy-MM-ddThh:mm:ssZ` of the newest alert emitted (or of activation). */
	ts?: string;
	/** IDs emitted with timestamp `ts`: Vision One times have one-second precision, so the next window re-reads `ts`. */
	seen?: string[];
	/** configFingerprint of the event and filters the cursor was built for. */
	config?: string;
}

/** More alerts than this in one second is not expected; the list is only a guard against unbounded static data. */
export const MAX_SEEN = 1000;
