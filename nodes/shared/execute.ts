import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type OperationResult = IDataObject | IDataObject[];

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
				const description = (error as { description?: string }).description;
				output.push({
					json: { error: (error as Error).message, ...(description ? { description } : {}) },
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
