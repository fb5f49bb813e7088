import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { VENDORS } from '../../vendors/registry';
import type { CredentialStore } from './credentials-helper';
import { Engine } from './engine';

/** Each sandbox vendor's default credential type (the first the registry declares): its sample fits that type. */
export const CREDENTIAL_TYPE_BY_VENDOR: Record<string, string> = Object.fromEntries(
	VENDORS.map((vendor) => [vendor.sandbox.prefix, vendor.credentials[0].type]),
);

/** Every credential type of every vendor, filled from the sandbox's sample credentials as the registry declares. */
export function sandboxCredentials(sandbox: Sandbox): CredentialStore {
	return Object.fromEntries(
		VENDORS.flatMap((vendor) => {
			const sample = sandbox.credentials(vendor.sandbox.prefix);
			return vendor.credentials.map((credential) => [credential.type, credential.sample(sample)]);
		}),
	);
}

export interface SandboxEngine {
	sandbox: Sandbox;
	engine: Engine;
}

/**
 * Starts the sandbox on a free 127.0.0.1 port and an engine whose credentials point at it. Call in `beforeAll`,
 * and `sandbox.close()` in `afterAll`.
 */
export async function startSandboxEngine(): Promise<SandboxEngine> {
	const sandbox = await startSandbox({ port: 0 });
	return { sandbox, engine: new Engine(sandboxCredentials(sandbox)) };
}
