import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface ContainmentSteps {
	/** What the action would send (Dry Run on): nothing leaves n8n. */
	preview: () => Promise<IDataObject>;
	/** Carries the action out and returns the item's result. */
	act: () => Promise<IDataObject>;
	/**
	 * Asked when the vendor refuses the action: re-read the target and return the result to report when the goal
	 * already holds ("already suspended"), or undefined when the refusal stands. It may also rewrite the error to say
	 * what it found (e.g. the target's current status).
	 */
	whenRefused?: (error: NodeApiError) => Promise<IDataObject | undefined>;
}

/**
 * Every containing or restoring operation runs through here: Dry Run, the action, and on a refusal a re-read that
 * decides between "already done" and a real failure, so a repeated containment is an outcome, not an error.
 */
export async function runContainment(this: IExecuteFunctions, itemIndex: number, steps: ContainmentSteps): Promise<IDataObject> {
	if (this.getNodeParameter('dryRun', itemIndex, false)) return await steps.preview();
	try {
		return await steps.act();
	} catch (error) {
		// Errors from our transport are NodeApiErrors already; re-wrapping hands back the same error.
		const apiError = new NodeApiError(this.getNode(), error as JsonObject);
		const already = steps.whenRefused ? await steps.whenRefused(apiError) : undefined;
		if (already) return already;
		throw apiError;
	}
}
