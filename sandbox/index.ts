import { Sandbox } from './framework/server';
import { vendors } from './vendors';

export { Sandbox } from './framework/server';
export type { RecordedRequest } from './framework/server';

/** Starts the sandbox with every vendor; tests pass port 0 for a free port. */
export async function startSandbox(options: { port?: number; host?: string } = {}): Promise<Sandbox> {
	return await new Sandbox({ ...options, vendors }).start();
}
