import type { RunData } from './check';
import { TRIGGER_FIRE_TIMEOUT_S, TRIGGER_POLL_SECONDS } from './config';
import { detail, fail, say } from './log';
import { waitFor } from './proc';
import type { ExecutionSummary, N8n } from './n8n';
import type { SandboxClient } from './sandbox';
import type { WorkflowFile } from './workflows';

/**
 * The workflow whose check declares a `trigger` scenario on one of the package's polling triggers: the one marked
 * `flagship` if any, else the first (templates first).
 */
export function pickTriggerWorkflow(workflows: WorkflowFile[], pollingTypes: string[]): WorkflowFile | undefined {
	const candidates = workflows.filter((workflow) => {
		const node = workflow.json.nodes.find((n) => n.name === workflow.check?.trigger?.node);
		return node !== undefined && pollingTypes.includes(node.type);
	});
	return candidates.find((workflow) => workflow.check?.flagship) ?? candidates[0];
}

/**
 * Poll Times for the published copy: one "custom" cron per second in `seconds` (TRIGGER_POLL_SECONDS: every 10 s).
 * n8n refuses any single sub-minute cron, but each of these fires once a minute, so together they poll more often.
 */
export function fastPollTimes(
	workflow: WorkflowFile,
	seconds: number[] = TRIGGER_POLL_SECONDS,
	nodeName: string | undefined = workflow.check?.trigger?.node,
): Partial<WorkflowFile['json']> {
	const nodes = workflow.json.nodes.map((node) =>
		node.name === nodeName
			? {
					...node,
					parameters: {
						...node.parameters,
						pollTimes: { item: seconds.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) },
					},
				}
			: node,
	);
	return { nodes };
}

/** `waitFor` once a second, saying what it gave up on. */
async function waitForNamed<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
	const value = await waitFor(seconds, probe, 1000);
	if (value === undefined) detail(`gave up waiting ${seconds}s for ${what}`);
	return value;
}

const finished = (executions: ExecutionSummary[]) => executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));

/**
 * With n8n serving the published workflow: wait for its activation poll, seed one event, see exactly one execution
 * start from the scheduler, then watch two more polls and check no second execution appears for the same event.
 */
export async function proveTrigger(n8n: N8n, sandbox: SandboxClient, workflow: WorkflowFile): Promise<void> {
	const scenario = workflow.check?.trigger;
	if (!scenario) fail(`${workflow.label} has no trigger scenario`);
	const logTail = () => n8n.serverOutput.split('\n').slice(-25).join('\n');
	if (/problem activating|Unable to activate|could not be activated/i.test(n8n.serverOutput)) {
		fail(`n8n could not activate ${workflow.label}:\n${logTail()}`);
	}
	await n8n.signIn();

	const activated = await waitForNamed('the activation poll', 60, async () => ((await sandbox.requests()).length > 0 ? true : undefined));
	if (!activated) fail(`${workflow.label}: the trigger "${scenario.node}" never polled the sandbox after activation:\n${logTail()}`);
	const before = await n8n.executions(workflow.id);
	if (before.length > 0) fail(`${workflow.label}: ${before.length} execution(s) before anything was seeded (the trigger must start from "now")`);

	await scenario.seed(sandbox);
	say(`  seeded one event; waiting for n8n's scheduler (polls every ${TRIGGER_POLL_SECONDS.length > 1 ? 60 / TRIGGER_POLL_SECONDS.length : 60}s)`);
	const fired = await waitForNamed('an execution', TRIGGER_FIRE_TIMEOUT_S, async () => {
		const done = finished(await n8n.executions(workflow.id));
		return done.length > 0 ? done : undefined;
	});
	if (!fired) {
		const polls = (await sandbox.requests()).length;
		fail(`${workflow.label}: the trigger did not fire within ${TRIGGER_FIRE_TIMEOUT_S}s of the seeded event (the sandbox saw ${polls} requests)\n${logTail()}`);
	}
	const [execution] = fired;
	detail(`execution ${execution.id}: mode ${execution.mode}, status ${execution.status}`);
	if (execution.status !== 'success') fail(`${workflow.label}: the triggered execution ${execution.id} ended "${execution.status}"`);
	if (execution.mode !== 'trigger') fail(`${workflow.label}: execution ${execution.id} ran in mode "${execution.mode}", not "trigger"`);

	const seen = (await sandbox.requests()).length;
	const more = await waitForNamed('two more polls', 45, async () => ((await sandbox.requests()).length >= seen + 2 ? true : undefined));
	if (!more) fail(`${workflow.label}: n8n stopped polling after the first execution`);
	const after = await n8n.executions(workflow.id);
	if (after.length !== 1) fail(`${workflow.label}: the trigger fired ${after.length} times for one seeded event (executions ${after.map((e) => e.id).join(', ')})`);
	detail('two more polls, no second execution: the event fired exactly once');

	const run = (await n8n.executionRunData(execution.id)) as unknown as RunData;
	await scenario.verify?.({ sandbox, run });
}
