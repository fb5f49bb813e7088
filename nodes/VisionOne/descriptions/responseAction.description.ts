import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../shared/descriptions';

/**
 * The fields of every batch response action (accounts, endpoints, suspicious objects): the targets, a description,
 * Dry Run, waiting for the tasks, and whether one failed target fails the item.
 */
export function responseActionFields(resource: string, operation: string, targets: INodeProperties[]): INodeProperties[] {
	const properties: INodeProperties[] = [
		...targets,
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'Why, as shown with the task in Vision One (e.g. the alert ID)',
		},
		dryRun({}),
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: 'Whether to follow each task until it succeeds or fails, within Max Wait; otherwise return the task IDs at once',
			displayOptions: { show: { dryRun: [false] } },
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'waitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 60,
			description: 'How long to wait for the tasks in all; a task still running then is reported as stillRunning with its ID',
			displayOptions: { show: { dryRun: [false], waitForCompletion: [true] } },
		},
		{
			displayName: 'Fail on Any Error',
			name: 'failOnAnyError',
			type: 'boolean',
			default: false,
			description: 'Whether one failed target fails the item; otherwise every target gets its own result, failed ones with their error',
			displayOptions: { show: { dryRun: [false] } },
		},
	];
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
}
