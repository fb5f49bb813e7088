import type { IDataObject } from 'n8n-workflow';

import type { SandboxVendor } from '../../test/harness/flows';
import { vendorApiCall } from '../../test/harness/flows';
import type { SandboxSample } from '../../vendors/registry';
import { fail } from './log';

export interface SandboxRequest {
	vendor: string;
	method: string;
	path: string;
	query: Record<string, string[]>;
	body: unknown;
	status: number;
	at: number;
}

/** The sandbox as checks see it: only through its HTTP admin API (docs/architecture.md, "The sandbox"). */
export class SandboxClient {
	constructor(readonly url: string) {}

	vendorUrl(vendor: string): string {
		return `${this.url}/${vendor}`;
	}

	async admin<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/__admin/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) fail(`sandbox ${method} /__admin/${path} answered ${response.status}: ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	async reset(vendor?: string): Promise<void> {
		await this.admin('POST', 'reset', vendor ? { vendor } : {});
	}

	async state<T = Record<string, unknown>>(vendor: string): Promise<T> {
		return await this.admin<T>('GET', `state/${vendor}`);
	}

	async requests(vendor?: string): Promise<SandboxRequest[]> {
		return await this.admin<SandboxRequest[]>('GET', vendor ? `requests/${vendor}` : 'requests');
	}

	/** Each vendor's sample credentials, keyed by its URL prefix (`okta`, `servicenow`). */
	async credentials(): Promise<Record<string, SandboxSample>> {
		return await this.admin('GET', 'credentials');
	}

	/** A vendor API call with the sandbox's sample credentials, e.g. `call('okta', 'GET', '/api/v1/users/bob')`. */
	async call<T = IDataObject>(vendor: SandboxVendor, method: string, path: string, body?: IDataObject): Promise<T> {
		const credentials = (await this.credentials())[vendor];
		return await vendorApiCall<T>(this.vendorUrl(vendor), credentials, vendor, method, path, body);
	}

	/** A vendor-specific admin action, e.g. `action('okta', 'seedSignInAnomaly', { login })`. */
	async action<T = unknown>(vendor: string, name: string, body: unknown = {}): Promise<T> {
		return await this.admin<T>('POST', `vendor/${vendor}/${name}`, body);
	}
}
