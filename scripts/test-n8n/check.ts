import { Failure } from './log';
import type { SandboxClient } from './sandbox';

/** n8n's run data for one execution (`IRunExecutionData`), as `n8n execute` prints it or the REST API returns it. */
export interface RunData {
	resultData: {
		error?: { message?: string };
		runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message?: string } }>>;
	};
}

/**
 * What a workflow is expected to do, in `scripts/test-n8n/checks/<workflow file name without .json>.ts`
 * (default export). Every hook is optional; a template without a check file must still import and run cleanly.
 */
export interface WorkflowCheck {
	/** The package's flagship: when several checks declare a trigger scenario, this workflow is the one published. */
	flagship?: boolean;
	/** Before the headless run (the sandbox has just been reset): seed what the run needs. */
	prepare?(sandbox: SandboxClient): Promise<void>;
	/** After `n8n execute` succeeded: assert on its output and on the sandbox's state and request log. */
	verify?(context: { sandbox: SandboxClient; run: RunData }): Promise<void>;
	/** Publish this workflow in a running n8n and see its polling trigger fire once, through n8n's scheduler. */
	trigger?: {
		/** Name of the polling-trigger node in the workflow. */
		node: string;
		/** Make exactly one new event appear (called after n8n activated the workflow and polled once). */
		seed(sandbox: SandboxClient): Promise<void>;
		/** Inspect the single execution the trigger started. */
		verify?(context: { sandbox: SandboxClient; run: RunData }): Promise<void>;
	};
}

/** The JSON items a node produced on its first output in its first run. */
export function nodeItems(run: RunData, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.resultData.runData[nodeName];
	if (!runs?.length) throw new Failure(`node "${nodeName}" did not run (ran: ${Object.keys(run.resultData.runData).join(', ')})`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

export function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Failure(message);
}
