import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { OperationModule } from '../../shared/execute';

/** Parameters that hold a password typed into the node (Create's initial password, Change's new one). */
const SECRET_PARAMETERS = ['password', 'newPassword'];

/**
 * n8n copies the node, parameters included, into every error it records. A password typed into the node (not an
 * expression) is replaced there, so an execution's error never shows it.
 */
function withoutSecretParameters(node: INode): INode {
	const parameters = { ...node.parameters };
	for (const name of SECRET_PARAMETERS) {
		const value = parameters[name];
		if (typeof value === 'string' && value !== '' && !value.startsWith('=')) parameters[name] = '[redacted]';
	}
	return { ...node, parameters };
}

/** The error as raised, with the node it records stripped of typed passwords. */
function withSecretsMasked(error: unknown): unknown {
	const recorded = error as { node?: INode } | undefined;
	if (recorded && typeof recorded === 'object' && recorded.node) recorded.node = withoutSecretParameters(recorded.node);
	return error;
}

/** The resource's operations, each raising its errors with the node's secret parameters masked. */
export function maskingSecrets<T extends Record<string, unknown>>(operations: T): T {
	const masked: Record<string, unknown> = {};
	for (const [name, module] of Object.entries(operations)) {
		const execute = (module as Partial<OperationModule>)?.execute;
		masked[name] =
			typeof execute !== 'function'
				? module
				: {
						async execute(this: IExecuteFunctions, itemIndex: number) {
							try {
								return await execute.call(this, itemIndex);
							} catch (error) {
								throw withSecretsMasked(error);
							}
						},
					};
	}
	return masked as T;
}
