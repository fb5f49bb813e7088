import { z } from 'zod';

import { applyClockSettings, clockSettingsSchema } from './clock';
import { faultSchema } from './faults';
import type { Sandbox } from './server';
import type { SandboxResponse } from './types';

/** A refused admin call: the status and a body that says what would have been accepted. */
class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly extra: Record<string, unknown> = {},
	) {
		super(message);
	}
}

const rateLimitSchema = z.object({
	vendor: z.string(),
	/** A route's bucket (its path pattern unless it names one), or `*` for every bucket of the vendor. */
	bucket: z.string().default('*'),
	limit: z.number().int().min(1),
	windowMs: z.number().int().min(1),
});

const clockSchema = clockSettingsSchema.extend({ vendor: z.string() });

function parse<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
	const result = schema.safeParse(body);
	if (result.success) return result.data as z.infer<T>;
	const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
	throw new AdminError(400, `Invalid admin request: ${reasons.join('; ')}`);
}

function requireVendor(sandbox: Sandbox, vendor: string | undefined): string {
	const vendors = sandbox.vendorNames();
	if (vendor !== undefined && vendors.includes(vendor)) return vendor;
	throw new AdminError(400, `Unknown vendor ${JSON.stringify(vendor ?? '')}; the sandbox hosts ${vendors.join(', ')}`, { vendors });
}

/** `vendor` when given (it must be hosted), undefined when absent. */
function optionalVendor(sandbox: Sandbox, vendor: unknown): string | undefined {
	if (vendor === undefined || vendor === null || vendor === '') return undefined;
	return requireVendor(sandbox, typeof vendor === 'string' ? vendor : String(vendor));
}

function jsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function ok(body: unknown, status = 200): SandboxResponse {
	return { status, body };
}

async function route(sandbox: Sandbox, method: string, parts: string[], query: URLSearchParams, body: Record<string, unknown>): Promise<SandboxResponse | undefined> {
	const [what, vendor, action] = parts;
	switch (`${method} ${what}`) {
		case 'POST reset':
			sandbox.reset(optionalVendor(sandbox, body.vendor));
			return ok({ reset: true });
		case 'GET state':
			return ok(sandbox.snapshot(requireVendor(sandbox, vendor)));
		case 'GET faults':
			return ok(sandbox.faults.list());
		case 'POST faults': {
			const fault = parse(faultSchema, body);
			requireVendor(sandbox, fault.vendor);
			return ok(sandbox.faults.add(fault), 201);
		}
		case 'DELETE faults':
			sandbox.faults.clear(optionalVendor(sandbox, query.get('vendor')));
			return ok({ cleared: true });
		case 'POST rate-limits': {
			const limit = parse(rateLimitSchema, body);
			requireVendor(sandbox, limit.vendor);
			sandbox.rateLimiter.setLimit(limit.vendor, limit.bucket, limit.limit, limit.windowMs);
			return ok(limit);
		}
		case 'GET requests':
		case 'DELETE requests': {
			const only = optionalVendor(sandbox, vendor);
			if (method === 'DELETE') sandbox.requests.length = 0;
			return ok(only ? sandbox.requests.filter((r) => r.vendor === only) : sandbox.requests);
		}
		case 'GET credentials':
			return ok(Object.fromEntries(sandbox.vendorNames().map((n) => [n, sandbox.credentials(n)])));
		case 'GET clock':
			return ok({ vendor: requireVendor(sandbox, vendor), ...sandbox.clock(vendor).view() });
		case 'POST clock': {
			const { vendor: name, ...settings } = parse(clockSchema, body);
			const clock = sandbox.clock(requireVendor(sandbox, name));
			applyClockSettings(clock, settings);
			return ok({ vendor: name, ...clock.view() });
		}
		case 'GET vendors':
			return ok(sandbox.vendorNames().map((name) => ({ name, actions: sandbox.actionNames(name) })));
		case 'POST vendor': {
			const name = requireVendor(sandbox, vendor);
			const actions = sandbox.actionNames(name);
			if (!action || !actions.includes(action)) {
				throw new AdminError(400, `Unknown action ${JSON.stringify(action ?? '')} for ${name}; its actions are ${actions.join(', ') || '(none)'}`, { actions });
			}
			return ok(await sandbox.runAction(name, action, body));
		}
		default:
			return undefined;
	}
}

/**
 * The admin API under `/__admin`: reset, state, faults, rate limits, request log, credentials, clocks and vendor
 * actions. Calls naming an unknown vendor or action, or carrying an invalid fault, are refused with 400 and what is valid.
 */
export async function handleAdmin(sandbox: Sandbox, method: string, parts: string[], query: URLSearchParams, bodyText: string): Promise<SandboxResponse> {
	try {
		const body = bodyText.trim() === '' ? {} : jsonOrUndefined(bodyText);
		if (body === undefined) throw new AdminError(400, 'The admin API takes a JSON body; this one does not parse');
		if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError(400, 'The admin API takes a JSON object as body');
		const response = await route(sandbox, method, parts, query, body as Record<string, unknown>);
		return response ?? { status: 404, body: { message: `Unknown admin route ${method} /__admin/${parts.join('/')}` } };
	} catch (error) {
		if (error instanceof AdminError) return { status: error.status, body: { message: error.message, ...error.extra } };
		// A vendor action that refuses its input (zod or its own check).
		if (error instanceof z.ZodError) {
			return { status: 400, body: { message: error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') } };
		}
		return { status: 400, body: { message: (error as Error).message } };
	}
}
