/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test harness runs in plain Node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExecutionLifecycleHooks, HookContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import type { CredentialStore } from './credentials-helper';
import { TestCredentialsHelper } from './credentials-helper';
import { ROOT, baseNode, registeredNodes } from './package';

/** A workflow file as n8n exports and imports it. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
	pinData?: Record<string, Array<{ json: IDataObject }>>;
	staticData?: IDataObject | null;
}

export function loadWorkflowFile(path: string): WorkflowJson {
	return JSON.parse(readFileSync(path, 'utf8')) as WorkflowJson;
}

/** A workflow fixture from `test/workflows/`. */
export function testWorkflow(fileName: string): WorkflowJson {
	return loadWorkflowFile(join(ROOT, 'test', 'workflows', fileName));
}

/** A template users import, from `workflows/`. */
export function bundledWorkflow(fileName: string): WorkflowJson {
	return loadWorkflowFile(join(ROOT, 'workflows', fileName));
}

/**
 * A copy of a template with some of its **Settings** node's values changed, as a user would edit them. A name the
 * Settings node does not have is an error, so a test never silently runs with the defaults.
 */
export function withSettings(workflow: WorkflowJson, changes: Record<string, unknown>): WorkflowJson {
	const copy = structuredClone(workflow);
	const settings = copy.nodes.find((n) => n.name === 'Settings');
	const assignments = (settings?.parameters.assignments as { assignments?: Array<{ name: string; value: unknown }> } | undefined)?.assignments ?? [];
	for (const [name, value] of Object.entries(changes)) {
		const assignment = assignments.find((a) => a.name === name);
		if (!assignment) throw new Error(`${workflow.name}: its Settings node has no ${name}`);
		assignment.value = value;
	}
	return copy;
}

export interface RunOptions {
	/** Node to start at; defaults to the first node with no incoming connection. */
	startNode?: string;
	/** Items the start node receives (a trigger's emitted items, in trigger mode). */
	items?: INodeExecutionData[];
	/** `trigger` makes a polling trigger pass its items on, as n8n does after `poll()` emitted. */
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
}

export interface RunResult {
	run: IRun;
	/** Output items of a node's first run (an output index for nodes with several outputs). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error a node stopped with, if any. */
	error(nodeName: string): (Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;
	/** Names of nodes that ran, in order. */
	executed(): string[];
}

export interface PollOptions {
	/** Static data persisted from the previous poll (as n8n stores it on the workflow row). */
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	/** The poll's time budget, as n8n's scheduler gives it (`getPollBudgetMs`). */
	budgetMs?: number;
	/**
	 * n8n persists static data when a poll emits; `always` also keeps what a poll wrote without emitting
	 * (the durable-cursor mode). Tests run both to prove a trigger is right either way.
	 */
	persist?: 'onEmit' | 'always';
}

export interface PollResult {
	items: INodeExecutionData[];
	/** What the next poll will see. */
	staticData: IDataObject;
}

export interface WebhookDelivery {
	webhookName?: string;
	method?: string;
	headers?: Record<string, string>;
	body?: unknown;
	rawBody?: string;
	query?: Record<string, string>;
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
}

export interface WebhookResult {
	result: IWebhookResponseData;
	/** What the trigger wrote to the HTTP response itself (status, headers, body), if it did. */
	response: { status: number; headers: Record<string, string>; body: unknown; ended: boolean };
	staticData: IDataObject;
}

/**
 * Runs workflows, polls and webhooks through n8n-core exactly as n8n does, with our package's registered node and
 * credential types and credentials supplied by the test (typically the sandbox's sample credentials).
 */
export class Engine {
	readonly credentialsHelper: TestCredentialsHelper;

	readonly nodeTypes: INodeTypes = {
		getByName: (type) => this.nodeType(type),
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(this.nodeType(type), version),
		getKnownTypes: () => ({}),
	};

	constructor(
		readonly credentials: CredentialStore,
		private readonly options: { webhookBaseUrl?: string } = {},
	) {
		this.credentialsHelper = new TestCredentialsHelper(credentials);
	}

	private nodeType(type: string): INodeType | IVersionedNodeType {
		const found = registeredNodes().get(type) ?? baseNode(type);
		if (!found) throw new Error(`Unknown node type "${type}": is it registered in package.json?`);
		return found;
	}

	workflow(json: WorkflowJson, staticData?: IDataObject): Workflow {
		return new Workflow({
			id: json.id ?? 'test-workflow',
			name: json.name,
			nodes: json.nodes,
			connections: json.connections,
			nodeTypes: this.nodeTypes,
			active: false,
			settings: json.settings ?? {},
			staticData: structuredClone(staticData ?? json.staticData ?? {}),
		});
	}

	additionalData(hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
		const base = this.options.webhookBaseUrl ?? 'http://localhost:5678';
		return {
			executionId: '1',
			hooks,
			credentialsHelper: this.credentialsHelper,
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: base,
			webhookBaseUrl: `${base}/webhook`,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			variables: {},
			currentNodeParameters: undefined,
			setExecutionStatus: () => {},
			userId: 'test-user',
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** The workflow (with its static data), one of its nodes and that node's type. */
	private nodeOf(json: WorkflowJson, nodeName: string, staticData?: IDataObject) {
		const workflow = this.workflow(json, staticData);
		const node = workflow.getNode(nodeName);
		if (!node) throw new Error(`No node "${nodeName}" in the workflow`);
		return { workflow, node, nodeType: workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) };
	}

	async run(json: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
		const workflow = this.workflow(json, options.staticData);
		const startName = options.startNode ?? firstNode(json);
		const start = workflow.getNode(startName);
		if (!start) throw new Error(`No node "${startName}" in the workflow`);
		const mode = options.mode ?? 'manual';
		const workflowData = { ...json, id: workflow.id, active: false } as unknown as IWorkflowBase;
		const hooks = new ExecutionLifecycleHooks(mode, '1', workflowData);
		const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node: start, data: { main: [options.items ?? [{ json: {} }]] }, source: null },
				],
			},
		});
		await new WorkflowExecute(this.additionalData(hooks), mode, runExecutionData).processRunExecutionData(workflow);
		return runResult(await finished);
	}

	async poll(json: WorkflowJson, nodeName: string, options: PollOptions = {}): Promise<PollResult> {
		const staticData = structuredClone(options.staticData ?? {});
		const { workflow, node, nodeType } = this.nodeOf(json, nodeName, staticData);
		if (!nodeType.poll) throw new Error(`${node.type} is not a polling trigger`);
		const mode = options.mode ?? 'trigger';
		const context = new PollContext(
			workflow,
			node,
			this.additionalData(),
			mode,
			mode === 'manual' ? 'manual' : 'activate',
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			options.budgetMs === undefined ? undefined : () => options.budgetMs as number,
		);
		const result = await nodeType.poll.call(context);
		const items = result?.[0] ?? [];
		const emitted = result !== null && items.length > 0;
		const keep = mode === 'trigger' && (emitted || options.persist === 'always');
		return { items, staticData: keep ? persistedCopy(workflow.staticData as IDataObject) : staticData };
	}

	async webhook(json: WorkflowJson, nodeName: string, delivery: WebhookDelivery = {}): Promise<WebhookResult> {
		const { workflow, node, nodeType } = this.nodeOf(json, nodeName, delivery.staticData);
		if (!nodeType.webhook) throw new Error(`${node.type} is not a webhook trigger`);
		const webhookName = delivery.webhookName ?? 'default';
		const description = nodeType.description.webhooks?.find((w) => w.name === webhookName);
		if (!description) throw new Error(`${node.type} has no webhook named ${webhookName}`);
		const method = (delivery.method ?? 'POST').toUpperCase();
		const rawBody = delivery.rawBody ?? (delivery.body === undefined ? '' : JSON.stringify(delivery.body));
		const headers = Object.fromEntries(Object.entries(delivery.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
		const response = { status: 200, headers: {} as Record<string, string>, body: undefined as unknown, ended: false };
		const res = {
			status(code: number) {
				response.status = code;
				return res;
			},
			setHeader(name: string, value: string) {
				response.headers[name.toLowerCase()] = value;
				return res;
			},
			json(body: unknown) {
				response.body = body;
				response.ended = true;
				return res;
			},
			send(body: unknown) {
				response.body = body;
				response.ended = true;
				return res;
			},
			end(body?: unknown) {
				if (body !== undefined) response.body = body;
				response.ended = true;
				return res;
			},
		};
		const req = {
			method,
			headers,
			body: delivery.body ?? (rawBody ? safeJson(rawBody) : {}),
			rawBody: Buffer.from(rawBody),
			query: delivery.query ?? {},
			params: {},
		};
		const additionalData = this.additionalData();
		Object.assign(additionalData, { httpRequest: req, httpResponse: res });
		const webhookData = {
			httpMethod: method,
			node: nodeName,
			path: String(description.path ?? 'webhook'),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as unknown as IWebhookData;
		const context = new WebhookContext(workflow, node, additionalData, delivery.mode ?? 'webhook', webhookData, [], null);
		const result = await nodeType.webhook.call(context);
		return { result, response, staticData: persistedCopy(workflow.staticData as IDataObject) };
	}

	/** Runs a webhook trigger's lifecycle method (`checkExists`, `create`, `delete`) as n8n does on (de)activation. */
	async webhookLifecycle(
		json: WorkflowJson,
		nodeName: string,
		method: 'checkExists' | 'create' | 'delete',
		options: { webhookName?: string; staticData?: IDataObject } = {},
	): Promise<{ result: boolean; staticData: IDataObject }> {
		const { workflow, node, nodeType } = this.nodeOf(json, nodeName, options.staticData);
		const webhookName = options.webhookName ?? 'default';
		const description = nodeType.description.webhooks?.find((w) => w.name === webhookName);
		const methods = nodeType.webhookMethods as Record<string, Record<string, (this: HookContext) => Promise<boolean>>> | undefined;
		const fn = methods?.[webhookName]?.[method];
		if (!description || !fn) throw new Error(`${node.type} has no ${method} for webhook ${webhookName}`);
		const additionalData = this.additionalData();
		const webhookData = {
			httpMethod: description.httpMethod,
			node: nodeName,
			path: String(description.path ?? 'webhook'),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			isTest: false,
		} as unknown as IWebhookData;
		const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
		const result = await fn.call(context);
		return { result: result as boolean, staticData: persistedCopy(workflow.staticData as IDataObject) };
	}
}

/**
 * Static data as n8n stores it: a JSON round trip. (`workflow.staticData` is n8n's observable Proxy, which
 * `structuredClone` cannot copy.)
 */
function persistedCopy(data: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(data ?? {})) as IDataObject;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}

function firstNode(json: WorkflowJson): string {
	const targets = new Set<string>();
	for (const outputs of Object.values(json.connections)) {
		for (const connections of Object.values(outputs)) {
			for (const list of connections ?? []) for (const c of list ?? []) targets.add(c.node);
		}
	}
	const start = json.nodes.find((n) => !targets.has(n.name) && n.type !== 'n8n-nodes-base.stickyNote');
	if (!start) throw new Error('The workflow has no start node');
	return start.name;
}

function runResult(run: IRun): RunResult {
	const runData = run.data.resultData.runData;
	return {
		run,
		output: (name, outputIndex = 0) => runData[name]?.[0]?.data?.main?.[outputIndex] ?? [],
		json: (name, outputIndex = 0) => (runData[name]?.[0]?.data?.main?.[outputIndex] ?? []).map((item) => item.json),
		error: (name) => runData[name]?.[0]?.error as ReturnType<RunResult['error']>,
		executed: () => Object.keys(runData),
	};
}
