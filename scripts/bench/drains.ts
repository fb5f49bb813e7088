/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only benchmark: runs in plain Node against the local sandbox */
import process from 'node:process';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { oktaAdmin } from '../../sandbox/vendors/okta/admin';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { visionOneAdmin } from '../../sandbox/vendors/visionone/admin';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import type { Engine, WorkflowJson } from '../../test/harness';
import type { Compared } from './measure';
import { alternate } from './measure';

/** `BENCH_EVENTS` runs a smaller drain (a quick look; the table's figures come from the default). */
export const DRAIN_EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const PAGE = 1000;

const trigger = (type: string, parameters: INodeParameters, credentials: IDataObject): WorkflowJson => ({
	nodes: [
		{
			id: 'bench-0000-4000-8000-000000000001',
			name: 'Trigger',
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: credentials as WorkflowJson['nodes'][number]['credentials'],
		},
	],
	connections: {},
});

/** Polls from the same static data until a poll emits nothing, as n8n's scheduler would poll after a backlog. */
async function drainTrigger(engine: Engine, workflow: WorkflowJson, from: IDataObject): Promise<number> {
	let staticData = from;
	let total = 0;
	for (;;) {
		const poll = await engine.poll(workflow, 'Trigger', { staticData, persist: 'always' });
		staticData = poll.staticData;
		if (poll.items.length === 0) return total;
		total += poll.items.length;
	}
}

/** A plain client: `fetch` with the same query, following the vendor's next links, counting what it read. */
async function drainFetch(first: string, headers: Record<string, string>, next: (response: Response, body: unknown) => string | undefined, count: (body: unknown) => number): Promise<number> {
	let url: string | undefined = first;
	let total = 0;
	while (url) {
		const response: Response = await fetch(url, { headers: { Accept: 'application/json', ...headers } });
		const body = (await response.json()) as unknown;
		total += count(body);
		url = next(response, body);
	}
	return total;
}

/** 20,000 failed sign-ins in Okta's System Log, in pages of 1000: the Okta Trigger vs a fetch loop. */
export async function oktaDrain(sandbox: Sandbox, engine: Engine): Promise<Compared> {
	const credentials = sandbox.credentials('okta');
	const workflow = trigger(
		'n8n-nodes-secops.oktaTrigger',
		{ authentication: 'apiToken', event: 'failedSignIns', options: { pageSize: PAGE, maxEvents: DRAIN_EVENTS } },
		{ secOpsOktaApi: { id: 'bench', name: 'Okta Sandbox' } },
	);
	// Both readers start from the same point, after activation, and read the same events in the same pages.
	const activation = await engine.poll(workflow, 'Trigger', { persist: 'always' });
	const since = String((activation.staticData['node:Trigger'] as { since: string }).since);
	await new Promise((resolve) => setTimeout(resolve, 5));
	oktaAdmin.appendLogEvents(sandbox.state<OktaState>('okta'), { count: DRAIN_EVENTS });

	const filter = 'eventType eq "user.session.start" and outcome.result eq "FAILURE"';
	const first = `${sandbox.vendorUrl('okta')}/api/v1/logs?${new URLSearchParams({ since, sortOrder: 'ASCENDING', limit: String(PAGE), filter })}`;
	const viaFetch = async () =>
		await drainFetch(
			first,
			{ Authorization: `SSWS ${String(credentials.apiToken)}` },
			(response, body) => ((body as unknown[]).length < PAGE ? undefined : /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1]),
			(body) => (body as unknown[]).length,
		);
	return await alternate(async () => await drainTrigger(engine, workflow, activation.staticData), viaFetch);
}

/** 20,000 new Workbench alerts, in pages of 1000: the Trend Vision One Trigger vs a fetch loop. */
export async function visionOneDrain(sandbox: Sandbox, engine: Engine): Promise<Compared> {
	const credentials = sandbox.credentials('visionone');
	const state = sandbox.state<VisionOneState>('visionone');
	const workflow = trigger('n8n-nodes-secops.visionOneTrigger', { authentication: 'apiKey', event: 'created' }, { secOpsVisionOneApi: { id: 'bench', name: 'Vision One Sandbox' } });
	visionOneAdmin.alertPageSize(state, { size: PAGE });
	const activation = await engine.poll(workflow, 'Trigger', { persist: 'always' });
	// The cursor as a poll a minute ago left it; the alerts arrive in the 25 seconds after, 800 a second (Vision One
	// stamps seconds: the trigger re-reads the cursor's second and skips what it emitted in it).
	const start = Math.floor(Date.now() / 1000) * 1000 - 60_000;
	const from = { ...activation.staticData, 'node:Trigger': { ...(activation.staticData['node:Trigger'] as IDataObject), ts: new Date(start).toISOString().replace('.000Z', 'Z'), seen: [] } };
	const perSecond = 800;
	for (let second = 1; second * perSecond <= DRAIN_EVENTS; second++) {
		visionOneAdmin.raiseAlerts(state, { count: perSecond, createdDateTime: new Date(start + second * 1000).toISOString() });
	}

	const end = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
	const query = { startDateTime: new Date(start).toISOString().replace('.000Z', 'Z'), endDateTime: end, dateTimeTarget: 'createdDateTime', orderBy: 'createdDateTime asc' };
	const first = `${sandbox.vendorUrl('visionone')}/v3.0/workbench/alerts?${new URLSearchParams(query)}`;
	const viaFetch = async () =>
		await drainFetch(
			first,
			{ Authorization: `Bearer ${String(credentials.apiKey)}` },
			(_response, body) => (body as { nextLink?: string }).nextLink,
			(body) => (body as { items: unknown[] }).items.length,
		);
	return await alternate(async () => await drainTrigger(engine, workflow, from), viaFetch);
}
