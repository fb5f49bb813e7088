/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { setTimeout as delay } from 'node:timers/promises';

import { expect, nodeItems } from './check';
import type { RunData } from './check';
import { detail, fail } from './log';
import { waitFor } from './proc';
import type { ExecutionSummary, N8n } from './n8n';
import type { SandboxClient } from './sandbox';
import type { WorkflowFile, WorkflowNode } from './workflows';

const LOGIN = 'alice.anders@acme.example';

interface SandboxHook {
	id: string;
	status: string;
	verificationStatus: string;
	channel: { config: { uri: string; authScheme?: { key: string } } };
}

interface Delivered {
	deliveries: Array<{ hookId: string; status: number; events: number }>;
}

/** The workflow whose Okta Event Hook Trigger registers itself in Okta (the runner's fixture, or a template). */
export function pickEventHookWorkflow(workflows: WorkflowFile[], type: string): { workflow: WorkflowFile; node: WorkflowNode } | undefined {
	for (const workflow of workflows) {
		const node = workflow.json.nodes.find((n) => n.type === type && !n.disabled && n.parameters?.register === true && n.webhookId);
		if (node) return { workflow, node };
	}
	return undefined;
}

const finished = (executions: ExecutionSummary[]) => executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));

/**
 * With n8n serving the published workflow: n8n's activation must have registered and verified the hook in Okta
 * (Okta's verification GET reaches n8n while `create` runs), then one delivery through the sandbox's Okta starts
 * exactly one execution, Okta's re-delivery of the same event starts none, a delivery that starts the workflow is
 * answered 200 with an empty body (not n8n's "firstEntryJson"), and a wrong secret is refused with 401.
 */
export async function proveEventHook(n8n: N8n, sandbox: SandboxClient, workflow: WorkflowFile, node: WorkflowNode, secret: string): Promise<void> {
	const logTail = () => n8n.serverOutput.split('\n').slice(-25).join('\n');
	const url = `${n8n.url}/webhook/${node.webhookId}/webhook`;
	const hook = await waitFor(60, async () => {
		const { eventHooks } = await sandbox.state<{ eventHooks: SandboxHook[] }>('okta');
		return eventHooks.find((h) => h.channel.config.uri === url && h.verificationStatus === 'VERIFIED');
	});
	if (!hook) {
		const { eventHooks } = await sandbox.state<{ eventHooks: SandboxHook[] }>('okta');
		fail(`${workflow.label}: n8n's activation left no verified hook for ${url} in Okta (hooks: ${JSON.stringify(eventHooks)}):\n${logTail()}`);
	}
	expect(hook.status === 'ACTIVE', `the hook is ${hook.status}`);
	detail(`activation registered and verified hook ${hook.id} → ${url} (auth header ${hook.channel.config.authScheme?.key})`);
	await n8n.signIn();
	const before = await n8n.executions(workflow.id);
	expect(before.length === 0, `${before.length} execution(s) before any delivery`);

	await sandbox.action('okta', 'seedSignInAnomaly', { login: LOGIN, kind: 'newLocation' });
	const first = await sandbox.action<Delivered>('okta', 'deliverEventHooks', { count: 1 });
	expect(
		first.deliveries.length === 1 && first.deliveries[0].status === 200,
		`Okta's delivery was answered ${JSON.stringify(first.deliveries)}, not one 200`,
	);
	const fired = await waitFor(60, async () => {
		const done = finished(await n8n.executions(workflow.id));
		return done.length > 0 ? done : undefined;
	});
	if (!fired) fail(`${workflow.label}: the delivery started no execution within 60 s:\n${logTail()}`);
	const [execution] = fired;
	detail(`execution ${execution.id}: mode ${execution.mode}, status ${execution.status}`);
	expect(execution.status === 'success', `execution ${execution.id} ended "${execution.status}"`);
	expect(execution.mode === 'webhook', `execution ${execution.id} ran in mode "${execution.mode}", not "webhook"`);
	const run = (await n8n.executionRunData(execution.id)) as unknown as RunData;
	const items = nodeItems(run, node.name);
	expect(
		items.length === 1 && items[0].eventType === 'user.session.start' && items[0].userLogin === LOGIN,
		`the trigger emitted ${JSON.stringify(items).slice(0, 300)}, not alice's sign-in`,
	);

	// Okta delivers at least once: the same event again is acknowledged and starts nothing (static data in n8n's database).
	const again = await sandbox.action<Delivered>('okta', 'deliverEventHooks', { count: 1 });
	expect(again.deliveries[0]?.status === 200, `the re-delivery was answered ${JSON.stringify(again.deliveries)}`);

	const { events } = await sandbox.action<{ events: Array<Record<string, unknown>> }>('okta', 'seedSignInAnomaly', { login: LOGIN, kind: 'newLocation' });
	const deliver = async (authorization: string) =>
		await fetch(url, {
			method: 'POST',
			headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ eventType: 'com.okta.event_hook', eventTypeVersion: '1.0', cloudEventsVersion: '0.1', data: { events } }),
		});
	const refused = await deliver(`${secret}x`);
	expect(refused.status === 401, `a delivery with a wrong secret was answered ${refused.status}, not 401`);
	const fresh = await deliver(secret);
	const text = await fresh.text();
	expect(fresh.status === 200 && text === '', `a new delivery was answered ${fresh.status} ${JSON.stringify(text.slice(0, 80))}, not 200 with an empty body`);

	const second = await waitFor(60, async () => {
		const done = finished(await n8n.executions(workflow.id));
		return done.length > 1 ? done : undefined;
	});
	if (!second) fail(`${workflow.label}: the second, new delivery started no execution within 60 s`);
	await delay(3000);
	const all = await n8n.executions(workflow.id);
	expect(all.length === 2, `expected 2 executions (first delivery, new event), saw ${all.length}: the re-delivery or the refused one ran`);
	detail('one delivery → one execution; its re-delivery → none; wrong secret → 401; a new event → 200, empty body, one more');
}
