/**
 * The org's System Log: events kept in persistence order (the order polling clients see), each with a sequence
 * number that backs Okta's opaque `after` cursor. `published` may lag persistence, as in Okta.
 */
import type { Clock } from '../../framework/clock';
import type { OktaUser } from './state';

export interface LogActor {
	id: string;
	type: string;
	alternateId: string;
	displayName: string;
}

export interface LogEvent {
	uuid: string;
	published: string;
	eventType: string;
	version: '0';
	severity: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
	displayMessage: string;
	legacyEventType: string | null;
	actor: LogActor;
	client: {
		userAgent: { rawUserAgent: string; os: string; browser: string } | null;
		zone: string;
		device: string;
		id: string | null;
		ipAddress: string | null;
		geographicalContext: {
			city: string | null;
			state: string | null;
			country: string | null;
			postalCode: string | null;
			geolocation: { lat: number; lon: number } | null;
		} | null;
	};
	device: null;
	authenticationContext: {
		authenticationProvider: string | null;
		credentialProvider: string | null;
		credentialType: string | null;
		issuer: null;
		interface: null;
		authenticationStep: 0;
		externalSessionId: string;
	};
	outcome: { result: string; reason: string | null };
	securityContext: {
		asNumber: number | null;
		asOrg: string | null;
		isp: string | null;
		domain: string | null;
		isProxy: boolean | null;
		risk?: { level: string; reasons: string[]; detectionName?: string };
		userBehaviors?: Array<{ id: string; name: string; result: string }>;
	};
	debugContext: { debugData: Record<string, string> };
	transaction: { type: 'WEB' | 'JOB'; id: string; detail: Record<string, never> };
	request: { ipChain: Array<{ ip: string; version: 'V4' | 'V6'; source: null }> };
	target: Array<{ id: string; type: string; alternateId: string; displayName: string }>;
}

export interface LogStore {
	events: LogEvent[];
	/** Monotonic counter for UUIDs and request IDs, so runs are reproducible. */
	counter: number;
	/** The org's clock: `published` of new events, and the seeded history ends at its "now". */
	clock: Clock;
}

export interface SignInOptions {
	result?: 'SUCCESS' | 'FAILURE' | 'DENY' | 'ALLOW';
	reason?: string | null;
	eventType?: string;
	ip?: string;
	city?: string;
	country?: string;
	riskLevel?: 'LOW' | 'MEDIUM' | 'HIGH';
	riskReasons?: string[];
	/** Behaviour name → POSITIVE (detected) / NEGATIVE / BAD_REQUEST / UNKNOWN. */
	behaviors?: Record<string, string>;
	/** `structured` = securityContext only, `string` = debugData string maps only (older orgs), `both` (default). */
	riskForm?: 'structured' | 'string' | 'both';
	threatSuspected?: boolean;
	userAgent?: string;
	published?: string;
}

const DEFAULT_BEHAVIORS = { 'New Geo-Location': 'NEGATIVE', 'New Device': 'NEGATIVE', 'New IP': 'NEGATIVE', 'New State': 'NEGATIVE', 'New Country': 'NEGATIVE', Velocity: 'NEGATIVE', 'New City': 'NEGATIVE' };
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export function createLogStore(users: OktaUser[], clock: Clock): LogStore {
	const store: LogStore = { events: [], counter: 0, clock };
	seedSignInStream(store, users, clock.now());
	return store;
}

function nextUuid(store: LogStore): string {
	store.counter++;
	const n = store.counter.toString(16).padStart(12, '0');
	return `5b2b8f3e-0c1d-11f1-9a5e-${n}`;
}

/** Okta's opaque cursor shape `<published ms>_<sequence>`; only the sequence matters here. */
export function cursorOf(store: LogStore, index: number): string {
	const event = store.events[index];
	return `${event ? Date.parse(event.published) : 0}_${index}`;
}

export function indexOfCursor(after: string): number | undefined {
	const match = /^\d+_(-?\d+)$/.exec(after);
	return match ? Number(match[1]) : undefined;
}

export function userActor(user: OktaUser): LogActor {
	return { id: user.id, type: 'User', alternateId: user.profile.login, displayName: `${user.profile.firstName} ${user.profile.lastName}` };
}

export const SYSTEM_ACTOR: LogActor = { id: '0oasbxsecopsadmin001', type: 'PublicClientApp', alternateId: 'n8n SecOps automation', displayName: 'n8n SecOps automation' };

/** The string map form Okta writes into debugData: `{New Geo-Location=NEGATIVE, New Device=POSITIVE}`. */
function stringMap(map: Record<string, string>): string {
	return `{${Object.entries(map).map(([k, v]) => `${k}=${v}`).join(', ')}}`;
}

interface EventInput {
	eventType: string;
	displayMessage: string;
	actor: LogActor;
	target?: OktaUser | Array<LogEvent['target'][number]>;
	result?: string;
	reason?: string | null;
	severity?: LogEvent['severity'];
	published?: string;
	ip?: string;
	city?: string;
	country?: string;
	userAgent?: string;
	debugData?: Record<string, string>;
	securityContext?: Partial<LogEvent['securityContext']>;
}

export function buildEvent(store: LogStore, input: EventInput): LogEvent {
	const uuid = nextUuid(store);
	const ip = input.ip ?? '198.51.100.10';
	const target = Array.isArray(input.target)
		? input.target
		: input.target
			? [{ id: input.target.id, type: 'User', alternateId: input.target.profile.login, displayName: `${input.target.profile.firstName} ${input.target.profile.lastName}` }]
			: [];
	return {
		uuid,
		published: input.published ?? store.clock.iso(),
		eventType: input.eventType,
		version: '0',
		severity: input.severity ?? 'INFO',
		displayMessage: input.displayMessage,
		legacyEventType: null,
		actor: input.actor,
		client: {
			userAgent: { rawUserAgent: input.userAgent ?? CHROME, os: 'Windows 10', browser: 'CHROME' },
			zone: 'null',
			device: 'Computer',
			id: null,
			ipAddress: ip,
			geographicalContext: {
				city: input.city ?? 'Boston',
				state: null,
				country: input.country ?? 'United States',
				postalCode: null,
				geolocation: { lat: 42.36, lon: -71.06 },
			},
		},
		device: null,
		authenticationContext: {
			authenticationProvider: null,
			credentialProvider: null,
			credentialType: null,
			issuer: null,
			interface: null,
			authenticationStep: 0,
			externalSessionId: `idx${uuid.slice(-12)}`,
		},
		outcome: { result: input.result ?? 'SUCCESS', reason: input.reason ?? null },
		securityContext: { asNumber: 64496, asOrg: 'example transit', isp: 'example isp', domain: 'example.net', isProxy: false, ...(input.securityContext ?? {}) },
		debugContext: { debugData: { requestId: `sbx${uuid.slice(-12)}`, requestUri: '/api/v1/authn', url: '/api/v1/authn?', ...(input.debugData ?? {}) } },
		transaction: { type: 'WEB', id: `sbx${uuid.slice(-12)}`, detail: {} },
		request: { ipChain: [{ ip, version: 'V4', source: null }] },
		target,
	};
}

/** A sign-in (`user.session.start` by default) with risk and behaviours in the structured and/or string forms. */
export function signInEvent(store: LogStore, user: OktaUser, options: SignInOptions = {}): LogEvent {
	const behaviors = { ...DEFAULT_BEHAVIORS, ...(options.behaviors ?? {}) };
	const form = options.riskForm ?? 'both';
	const level = options.riskLevel ?? 'LOW';
	const reasons = options.riskReasons ?? [];
	const debugData: Record<string, string> = {};
	const securityContext: Partial<LogEvent['securityContext']> = {};
	if (form !== 'structured') {
		debugData.behaviors = stringMap(behaviors);
		debugData.risk = reasons.length ? `{reasons=${reasons.join(', ')}, level=${level}}` : `{level=${level}}`;
		debugData.threatSuspected = String(options.threatSuspected ?? false);
		debugData.logOnlySecurityData = JSON.stringify({ risk: { reasons: reasons.join(', '), level }, behaviors });
	}
	if (form !== 'string') {
		securityContext.risk = { level, reasons };
		securityContext.userBehaviors = Object.entries(behaviors).map(([name, result], i) => ({ id: `ub${i}`, name, result }));
	}
	const result = options.result ?? 'SUCCESS';
	return buildEvent(store, {
		eventType: options.eventType ?? 'user.session.start',
		displayMessage: 'User login to Okta',
		actor: userActor(user),
		result,
		reason: options.reason ?? (result === 'FAILURE' ? 'INVALID_CREDENTIALS' : null),
		severity: result === 'SUCCESS' ? 'INFO' : 'WARN',
		published: options.published,
		ip: options.ip,
		city: options.city,
		country: options.country,
		userAgent: options.userAgent,
		debugData,
		securityContext,
	});
}

/** A deterministic history before "now": ordinary sign-ins plus a handful of anomalies a SOC would chase. */
function seedSignInStream(store: LogStore, users: OktaUser[], now: number): void {
	const active = users.filter((u) => u.status === 'ACTIVE');
	const total = 240;
	for (let i = 0; i < total; i++) {
		const user = active[i % active.length];
		const published = new Date(now - (total - i) * 5 * 60_000).toISOString();
		let options: SignInOptions = { published, ip: `198.51.100.${(i % 50) + 1}` };
		if (i % 17 === 3) options = { ...options, result: 'FAILURE', reason: 'INVALID_CREDENTIALS' };
		if (i % 41 === 7) {
			options = { ...options, riskLevel: 'HIGH', riskReasons: ['Anomalous Location', 'Anomalous Device'], behaviors: { 'New Geo-Location': 'POSITIVE', 'New Device': 'POSITIVE', 'New Country': 'POSITIVE' }, ip: '185.220.101.4', city: 'Frankfurt am Main', country: 'Germany' };
		}
		if (i % 53 === 11) options = { ...options, riskForm: 'string', riskLevel: 'MEDIUM', riskReasons: ['Anomalous Device'], behaviors: { 'New Device': 'POSITIVE', Velocity: 'POSITIVE' } };
		store.events.push(signInEvent(store, user, options));
		if (i % 60 === 30) {
			store.events.push(buildEvent(store, { eventType: 'security.threat.detected', displayMessage: 'Request from suspicious actor', actor: userActor(user), result: 'DENY', reason: 'Password Spray', severity: 'WARN', published, ip: '45.155.205.233', city: 'Amsterdam', country: 'Netherlands', debugData: { threatSuspected: 'true', threatDetections: '{"Password Spray":"HIGH"}' } }));
		}
		if (i % 80 === 50) {
			store.events.push(buildEvent(store, { eventType: 'user.account.lock', displayMessage: 'Max sign in attempts exceeded', actor: userActor(user), target: user, result: 'FAILURE', reason: 'LOCKED_OUT', severity: 'WARN', published }));
		}
	}
}

/** Writes the System Log event an admin action causes, e.g. `user.lifecycle.suspend` for the suspended user. */
export function logAction(store: LogStore, eventType: string, displayMessage: string, target: OktaUser | Array<LogEvent['target'][number]>): LogEvent {
	const event = buildEvent(store, { eventType, displayMessage, actor: SYSTEM_ACTOR, target, debugData: {} });
	store.events.push(event);
	return event;
}
