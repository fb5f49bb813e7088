import { createHash, randomBytes } from 'node:crypto';

import { CREDENTIAL_TYPE_BY_VENDOR } from '../../test/harness/sandbox';
import type { LoadedType } from './n8n';
import type { WorkflowFile } from './workflows';

/** One entry of the array `n8n import:credentials` reads (`data` as plain object: n8n encrypts it on import). */
export interface CredentialRecord {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * Credential types whose values no vendor hands out (a shared secret the user makes up): one value per type for the
 * whole run, so every record of the type, and whatever registers it at the vendor, agree.
 */
const GENERATED: Record<string, () => Record<string, unknown>> = {
	secOpsOktaEventHookApi: () => ({ headerName: 'Authorization', secret: randomBytes(24).toString('hex') }),
};
const generated = new Map<string, Record<string, unknown>>();

/** The sandbox vendor whose sample credentials fit a credential type: the test harness's map, else `secOps<Vendor>…`. */
function vendorOf(type: string, vendors: string[]): string | undefined {
	const mapped = Object.entries(CREDENTIAL_TYPE_BY_VENDOR).find(([, name]) => name === type)?.[0];
	if (mapped) return mapped;
	const lower = type.toLowerCase();
	return vendors.find((vendor) => lower.startsWith(`secops${vendor.toLowerCase()}`));
}

/**
 * Credentials pointing at the sandbox: one per declared credential type (`sbx-<type>`), plus one for every
 * credential a workflow references (same id and name), so templates import and run whatever names they use.
 */
export function planCredentials(
	declared: string[],
	loaded: LoadedType[],
	samples: Record<string, Record<string, unknown>>,
	workflows: WorkflowFile[],
): { records: CredentialRecord[]; notes: string[] } {
	const records = new Map<string, CredentialRecord>();
	const notes: string[] = [];
	const dataFor = (type: string): Record<string, unknown> | undefined => {
		const make = GENERATED[type];
		if (make) {
			if (!generated.has(type)) generated.set(type, make());
			return generated.get(type);
		}
		const vendor = vendorOf(type, Object.keys(samples));
		const loadedType = loaded.find((t) => t.name === type);
		if (!vendor || !loadedType) return undefined;
		const fields = new Set((loadedType.properties ?? []).map((p) => p.name));
		return Object.fromEntries(Object.entries(samples[vendor]).filter(([key]) => fields.has(key)));
	};
	for (const type of declared) {
		const data = dataFor(type);
		if (!data) {
			notes.push(`credential type ${type}: no sandbox vendor's sample credentials fit it, none imported`);
			continue;
		}
		const displayName = loaded.find((t) => t.name === type)?.displayName ?? type;
		records.set(`sbx-${type}`, { id: `sbx-${type}`, name: `${displayName} (sandbox)`, type, data });
	}
	for (const workflow of workflows) {
		for (const node of workflow.json.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				const id = ref.id ?? `sbx-${createHash('sha1').update(`${type}:${ref.name}`).digest('hex').slice(0, 12)}`;
				if (records.has(id)) continue;
				const data = dataFor(type);
				if (!data) {
					notes.push(`${workflow.label}: node "${node.name}" uses ${type}, which the sandbox cannot serve: not imported`);
					continue;
				}
				records.set(id, { id, name: ref.name, type, data });
			}
		}
	}
	return { records: [...records.values()], notes };
}
