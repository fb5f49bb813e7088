import type { IDataObject } from 'n8n-workflow';

/**
 * One shape for a System Log event, whichever way it arrived (poll or event hook) and whichever form Okta used for
 * risk and behaviours: the structured `securityContext` (current orgs) or the string maps in
 * `debugContext.debugData` (`"{New Geo-Location=POSITIVE, New Device=NEGATIVE}"`, `"{reasons=…, level=HIGH}"`).
 */
export interface NormalisedEvent extends IDataObject {
	uuid: string;
	published: string;
	eventType: string;
	displayMessage: string | null;
	severity: string | null;
	outcome: string | null;
	outcomeReason: string | null;
	userId: string | null;
	userLogin: string | null;
	userDisplayName: string | null;
	ipAddress: string | null;
	city: string | null;
	state: string | null;
	country: string | null;
	userAgent: string | null;
	riskLevel: string | null;
	riskReasons: string[];
	/** Behaviours Okta flagged as detected (POSITIVE), e.g. `New Geo-Location`, `New Device`, `Velocity`. */
	behaviors: string[];
	/** Every behaviour with its result (POSITIVE / NEGATIVE / BAD_REQUEST / UNKNOWN). */
	behaviorResults: IDataObject;
	threatSuspected: boolean | null;
	raw: IDataObject;
}

const obj = (value: unknown): IDataObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Okta's Java-style map string `{a=b, c=d}` → `{a: 'b', c: 'd'}`. Keys may contain spaces and hyphens. */
export function parseOktaMapString(text: unknown): Record<string, string> {
	if (typeof text !== 'string') return {};
	const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
	const out: Record<string, string> = {};
	// Split on ", " only where the next part starts a new `key=` (values such as reasons contain commas).
	for (const part of inner.split(/,\s*(?=[^,=]+=)/)) {
		const at = part.indexOf('=');
		if (at > 0) out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
	}
	return out;
}

function splitReasons(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).filter(Boolean);
	if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
	return [];
}

function fromLogOnlySecurityData(debugData: IDataObject): { risk: IDataObject; behaviors: IDataObject } {
	if (typeof debugData.logOnlySecurityData !== 'string') return { risk: {}, behaviors: {} };
	try {
		const parsed = JSON.parse(debugData.logOnlySecurityData) as IDataObject;
		return { risk: obj(parsed.risk), behaviors: obj(parsed.behaviors) };
	} catch {
		return { risk: {}, behaviors: {} };
	}
}

export function normaliseLogEvent(event: IDataObject): NormalisedEvent {
	const actor = obj(event.actor);
	const client = obj(event.client);
	const geo = obj(client.geographicalContext);
	const securityContext = obj(event.securityContext);
	const debugData = obj(obj(event.debugContext).debugData);
	const outcome = obj(event.outcome);
	const logOnly = fromLogOnlySecurityData(debugData);

	const structuredRisk = obj(securityContext.risk);
	const stringRisk = parseOktaMapString(debugData.risk);
	const riskLevel = str(structuredRisk.level) ?? str(stringRisk.level) ?? str(logOnly.risk.level);
	const riskReasons = [
		...new Set([...splitReasons(structuredRisk.reasons), ...splitReasons(stringRisk.reasons), ...splitReasons(logOnly.risk.reasons)]),
	];

	const behaviorResults: IDataObject = { ...logOnly.behaviors, ...parseOktaMapString(debugData.behaviors) };
	for (const behavior of (securityContext.userBehaviors as IDataObject[] | undefined) ?? []) {
		if (typeof behavior?.name === 'string') behaviorResults[behavior.name] = behavior.result;
	}
	const behaviors = Object.entries(behaviorResults)
		.filter(([, result]) => result === 'POSITIVE')
		.map(([name]) => name);

	// A user-centric event names the user as actor (sign-ins) or as target (admin actions on the user).
	const targetUser = ((event.target as IDataObject[] | undefined) ?? []).find((t) => t?.type === 'User');
	const user = actor.type === 'User' ? actor : obj(targetUser);
	const threat = str(debugData.threatSuspected);

	return {
		uuid: String(event.uuid ?? ''),
		published: String(event.published ?? ''),
		eventType: String(event.eventType ?? ''),
		displayMessage: str(event.displayMessage),
		severity: str(event.severity),
		outcome: str(outcome.result),
		outcomeReason: str(outcome.reason),
		userId: str(user.id),
		userLogin: str(user.alternateId),
		userDisplayName: str(user.displayName),
		ipAddress: str(client.ipAddress),
		city: str(geo.city),
		state: str(geo.state),
		country: str(geo.country),
		userAgent: str(obj(client.userAgent).rawUserAgent),
		riskLevel,
		riskReasons,
		behaviors,
		behaviorResults,
		threatSuspected: threat === null ? null : threat === 'true',
		raw: event,
	};
}
