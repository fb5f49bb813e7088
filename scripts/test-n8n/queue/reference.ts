// First: n8n-core's environment (throwaway user folder, silent logs) before n8n-core is imported.
import '../../../test/setup-env';

import { startSandbox } from '../../../sandbox';
import { ActiveWorkflow, Engine, sandboxCredentials } from '../../../test/harness';
import type { WorkflowJson as EngineWorkflow } from '../../../test/harness';
import { SandboxClient } from '../sandbox';
import type { WorkflowJson } from '../workflows';
import type { Anomaly, Effects, Seeded } from './scenario';
import { effects, seed } from './scenario';

/**
 * Single-process mode, for comparison: the same template and the same waves through n8n-core's WorkflowExecute in
 * this process (test/harness: poll, then run the emitted items in trigger mode, static data kept between polls),
 * against a fresh sandbox of its own. One poll per wave, after the wave is seeded.
 */
export async function singleProcessEffects(workflow: WorkflowJson, triggerNode: string, anomalies: Anomaly[]): Promise<Effects> {
	const sandbox = await startSandbox({ port: 0 });
	try {
		const client = new SandboxClient(sandbox.url);
		const flow = new ActiveWorkflow(new Engine(sandboxCredentials(sandbox)), workflow as unknown as EngineWorkflow, triggerNode);
		await flow.activate();
		const seeded: Seeded[] = [];
		const waves = [...new Set(anomalies.map((a) => a.wave))];
		for (const wave of waves) {
			const mine = anomalies.filter((a) => a.wave === wave);
			for (const anomaly of mine) seeded.push(await seed(client, anomaly));
			const { emitted, run } = await flow.tick();
			if (emitted.length !== mine.length) throw new Error(`single-process reference: wave ${wave} emitted ${emitted.length} of ${mine.length} anomalies`);
			const failed = run?.run.data.resultData.error;
			if (failed) throw new Error(`single-process reference: wave ${wave} failed: ${failed.message}`);
		}
		return await effects(client, workflow, seeded);
	} finally {
		await sandbox.close();
	}
}
