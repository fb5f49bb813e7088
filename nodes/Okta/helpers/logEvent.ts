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

/**
 * Risk and behaviours from the first form that carries them: structured `securityContext` (current orgs), else the
 * `debugData` strings, else the `logOnlySecurityData` JSON string. The forms repeat the same facts, so reading one
 * keeps the poll cheap on 1000-event pages.
 */
function riskOf(securityContext: IDataObject, debugData: IDataObject): { level: string | null; reasons: string[]; behaviors: IDataObject } {
	const structured = securityContext.risk as IDataObject | undefined;
	const userBehaviors = securityContext.userBehaviors as IDataObject[] | undefined;
	let level: string | null = structured ? str(structured.level) : null;
	let reasons: string[] = structured ? splitReasons(structured.reasons) : [];
	let behaviors: IDataObject | undefined;
	if (Array.isArray(userBehaviors) && userBehaviors.length) {
		behaviors = {};
		for (const behavior of userBehaviors) if (typeof behavior?.name === 'string') behaviors[behavior.name] = behavior.result;
	}
	if (level === null && typeof debugData.risk === 'string') {
		const risk = parseOktaMapString(debugData.risk);
		level = str(risk.level);
		reasons = splitReasons(risk.reasons);
	}
	if (!behaviors && typeof debugData.behaviors === 'string') behaviors = parseOktaMapString(debugData.behaviors);
	if ((level === null || !behaviors) && typeof debugData.logOnlySecurityData === 'string') {
		const logOnly = fromLogOnlySecurityData(debugData);
		if (level === null) {
			level = str(logOnly.risk.level);
			reasons = splitReasons(logOnly.risk.reasons);
		}
		behaviors ??= logOnly.behaviors;
	}
	return { level, reasons, behaviors: behaviors ?? {} };
}

export function normaliseLogEvent(event: IDataObject): NormalisedEvent {
	const actor = obj(event.actor);
	const client = obj(event.client);
	const geo = obj(client.geographicalContext);
	const debugData = obj(obj(event.debugContext).debugData);
	const outcome = obj(event.outcome);
	const risk = riskOf(obj(event.securityContext), debugData);
	const behaviors: string[] = [];
	for (const name in risk.behaviors) if (risk.behaviors[name] === 'POSITIVE') behaviors.push(name);

	// A user-centric event names the user as actor (sign-ins) or as target (admin actions on the user).
	let user = actor;
	if (actor.type !== 'User') {
		const targets = (event.target as IDataObject[] | undefined) ?? [];
		user = obj(targets.find((t) => t?.type === 'User'));
	}
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
		riskLevel: risk.level,
		riskReasons: risk.reasons,
		behaviors,
		behaviorResults: risk.behaviors,
		threatSuspected: threat === null ? null : threat === 'true',
		raw: event,
	};
}
