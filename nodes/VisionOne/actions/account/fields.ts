import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';

/** The fields every account action shows: accounts, description, Dry Run, waiting and failure handling. */
export function accountActionFields(operation: string, verb: string): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Accounts',
			name: 'accounts',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. alice@acme.com, ACME\\bob',
			description: `The accounts to ${verb}: UPNs, DOMAIN\\user names or Okta logins, separated by commas or new lines (or an expression returning a list). All are sent in one request.`,
		},
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
			description: 'Whether one failed account fails the item; otherwise every account gets its own result, failed ones with their error',
			displayOptions: { show: { dryRun: [false] } },
		},
	];
	return updateDisplayOptions({ show: { resource: ['account'], operation: [operation] } }, properties);
}
