import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { Engine } from './engine';

/** This package's credential type for each vendor the sandbox hosts: tests get the sandbox's sample credentials. */
export const CREDENTIAL_TYPE_BY_VENDOR: Record<string, string> = {
	okta: 'secOpsOktaApi',
	servicenow: 'secOpsServiceNowApi',
};

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
	const credentials = Object.fromEntries(
		Object.entries(CREDENTIAL_TYPE_BY_VENDOR).map(([vendor, type]) => [type, sandbox.credentials(vendor)]),
	);
	return { sandbox, engine: new Engine(credentials) };
}
