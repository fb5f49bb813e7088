import { createHash, randomBytes } from 'node:crypto';

import type { SandboxSample } from '../../vendors/registry';
import { VENDORS } from '../../vendors/registry';
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

/** A credential type's data against the sandbox, as vendors/registry.ts builds it from its vendor's sample. */
function sampleFor(type: string, samples: Record<string, SandboxSample>): Record<string, unknown> | undefined {
	for (const vendor of VENDORS) {
		const entry = vendor.credentials.find((credential) => credential.type === type);
		const sample = samples[vendor.sandbox.prefix];
		if (entry) return sample ? entry.sample(sample) : undefined;
	}
	return undefined;
}

/** The fields that replace a credential's secret with a wrong one (vendors/registry.ts): its test must then fail. */
export function wrongSecretFor(record: CredentialRecord): Record<string, unknown> | undefined {
	const entry = VENDORS.flatMap((vendor) => vendor.credentials).find((credential) => credential.type === record.type);
	return entry?.wrongSecret(record.data as Parameters<typeof entry.wrongSecret>[0]);
}

/**
 * Credentials pointing at the sandbox: one per declared credential type (`sbx-<type>`), plus one for every
 * credential a workflow references (same id and name), so templates import and run whatever names they use.
 */
export function planCredentials(
	declared: string[],
	loaded: LoadedType[],
	samples: Record<string, SandboxSample>,
	workflows: WorkflowFile[],
): { records: CredentialRecord[]; notes: string[] } {
	const records = new Map<string, CredentialRecord>();
	const notes: string[] = [];
	const dataFor = (type: string): Record<string, unknown> | undefined => {
		const make = GENERATED[type];
		if (!make) return sampleFor(type, samples);
		if (!generated.has(type)) generated.set(type, make());
		return generated.get(type);
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
