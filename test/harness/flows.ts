import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { Engine, RunResult, WorkflowJson } from './engine';

/**
 * A workflow published in n8n with a polling trigger: `activate()` is n8n's first poll on activation (the trigger
 * sets its cursor at "now", no backfill); each `tick()` is one scheduler run: poll, and when the trigger emitted,
 * execute the workflow with those items in trigger mode. Static data stays with the workflow between polls, as n8n
 * keeps it on an active workflow.
 */
export class ActiveWorkflow {
	staticData: IDataObject = {};

	constructor(
		private readonly engine: Engine,
		readonly workflow: WorkflowJson,
		readonly triggerNode: string,
	) {}

	async activate(): Promise<void> {
		const { staticData } = await this.engine.poll(this.workflow, this.triggerNode, {
			staticData: this.staticData,
			persist: 'always',
		});
		this.staticData = staticData;
	}

	async tick(): Promise<{ emitted: IDataObject[]; run?: RunResult }> {
		const { items, staticData } = await this.engine.poll(this.workflow, this.triggerNode, {
			staticData: this.staticData,
			persist: 'always',
		});
		this.staticData = staticData;
		if (items.length === 0) return { emitted: [] };
		const run = await this.engine.run(this.workflow, { startNode: this.triggerNode, items, mode: 'trigger' });
		return { emitted: items.map((item) => item.json), run };
	}
}

/** `POST /__admin/vendor/<vendor>/<action>` on the sandbox, e.g. seeding a sign-in anomaly. */
export async function sandboxAction<T = IDataObject>(
	sandbox: Sandbox,
	vendor: string,
	action: string,
	body: IDataObject = {},
): Promise<T> {
	const response = await fetch(`${sandbox.url}/__admin/vendor/${vendor}/${action}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const result = (await response.json()) as T;
	if (!response.ok) throw new Error(`Sandbox action ${vendor}/${action} failed: ${JSON.stringify(result)}`);
	return result;
}

/** A call to a vendor API on the sandbox with its sample credentials, as a person or another tool would make it. */
export async function vendorCall<T = IDataObject>(
	sandbox: Sandbox,
	vendor: SandboxVendor,
	method: string,
	path: string,
	body?: IDataObject,
): Promise<T> {
	return await vendorApiCall<T>(sandbox.vendorUrl(vendor), sandbox.credentials(vendor), vendor, method, path, body);
}

export type SandboxVendor = 'okta' | 'servicenow';

/** The same, given the vendor's base URL and sample credentials (for callers that reach the sandbox over HTTP only). */
export async function vendorApiCall<T = IDataObject>(
	baseUrl: string,
	credentials: Record<string, unknown>,
	vendor: SandboxVendor,
	method: string,
	path: string,
	body?: IDataObject,
): Promise<T> {
	const authorization =
		vendor === 'okta'
			? `SSWS ${credentials.apiToken}`
			: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	const result = (text ? JSON.parse(text) : {}) as T;
	if (!response.ok) throw new Error(`${vendor} ${method} ${path} → ${response.status}: ${text}`);
	return result;
}
