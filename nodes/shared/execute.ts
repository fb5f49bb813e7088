import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type OperationResult = IDataObject | IDataObject[];

/** An `actions/<resource>/<op>.operation.ts` module: its `execute` handles one input item. */
export interface OperationModule {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

/**
 * The router every action node uses: picks `actions/<resource>/<operation>` from the node's parameters and runs it
 * for each input item (see `executePerItem`).
 */
export async function routeOperations(
	this: IExecuteFunctions,
	resources: Record<string, Record<string, unknown>>,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation] as OperationModule | undefined;
	if (typeof module?.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, {
			description: 'Pick an operation from the list; the workflow may come from a newer version of this node.',
		});
	}
	return await executePerItem.call(this, async (itemIndex) => await module.execute.call(this, itemIndex));
}

/**
 * The per-item loop every action node's router runs: each input item gets its results paired to it; with
 * Continue On Fail an item's error becomes an output item (also paired) and the other items go on.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	runItem: (itemIndex: number) => Promise<OperationResult>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await runItem(i);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: i },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				// Only `error`, `message` and `details` keys: n8n then routes the item to the node's error output
				// when the node is set to "Continue (using error output)".
				const details = (error as { description?: string }).description;
				output.push({
					json: { error: (error as Error).message, ...(details ? { details } : {}) },
					pairedItem: { item: i },
				});
				continue;
			}
			throw withItemIndex(this.getNode(), error as Error, i);
		}
	}
	return [output];
}

/** Keeps our NodeApiError/NodeOperationError as they are (with the item they failed on); wraps anything else. */
export function withItemIndex(node: INode, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error, { itemIndex });
}
