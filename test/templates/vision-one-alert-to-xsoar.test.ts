import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import type { Incident, XsoarState } from '../../sandbox/vendors/xsoar/state';
import { outputs } from '../chaos/records';
import type { SandboxEngine, WorkflowJson } from '../harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, withSettings } from '../harness';

/** The file users import, run by n8n's engine against the sandbox (Vision One and XSOAR over HTTP). */
const template = bundledWorkflow('vision-one-alert-to-xsoar.json');
const TRIGGER = 'New Workbench Alert';
const RECORDS = ['Summary', 'Record Note Not Added', 'Record Alert Without Incident', 'Record Alert Not Sent (Cap)'];

describe('vision-one-alert-to-xsoar', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const v1 = () => env.sandbox.state<VisionOneState>('visionone');
	const xsoar = () => env.sandbox.state<XsoarState>('xsoar');
	const alert = (id: string) => v1().alerts.find((a) => a.id === id)!;
	const notes = (id: string) => (v1().notes[id] ?? []).map((n) => n.content);
	const incidentsFor = (id: string): Incident[] => xsoar().incidents.filter((i) => i.CustomFields.externalkey === id);
	const entries = (incident: Incident) => xsoar().investigations.get(incident.id)?.entries.map((e) => e.contents) ?? [];
	const raise = async (body: IDataObject = {}) => (await sandboxAction<{ raised: string[] }>(env.sandbox, 'visionone', 'raiseAlerts', body)).raised;
	/** The alert as the trigger emits it (Simplify on), read from the sandbox. */
	const asEmitted = async (ids: string[]): Promise<INodeExecutionData[]> =>
		await Promise.resolve(
			ids.map((id) => alert(id)).map((a) => ({
				json: { ...template.pinData![TRIGGER][0].json, id: a.id, model: a.model, severity: a.severity, status: a.status, createdDateTime: a.createdDateTime },
			})),
		);
	const run = async (items: INodeExecutionData[], workflow: WorkflowJson = template) =>
		await env.engine.run(workflow, { startNode: TRIGGER, mode: 'trigger', items });
	/** Every alert an execution took in comes out of exactly one Summary or Record node. */
	const recorded = (result: Awaited<ReturnType<typeof run>> | undefined) => RECORDS.flatMap((node) => outputs(result, node).map((o) => [node, o.alert]));

	it('opens one XSOAR incident per new alert (no backfill), sets it In Progress with a note naming the incident', async () => {
		const before = xsoar().incidents.length;
		const flow = new ActiveWorkflow(env.engine, template, TRIGGER);
		await flow.activate();
		expect((await flow.tick()).emitted).toEqual([]);
		expect(xsoar().incidents).toHaveLength(before);

		const [id] = await raise({ severity: 'critical', model: 'Credential Dumping via Registry' });
		const { emitted, run: result } = await flow.tick();
		expect(emitted.map((e) => e.id)).toEqual([id]);

		const [incident] = incidentsFor(id);
		expect(incidentsFor(id)).toHaveLength(1);
		expect(incident).toEqual(expect.objectContaining({ severity: 4, name: 'Vision One: Credential Dumping via Registry (nimda, shockwave\\sam)' }));
		expect(incident.details).toContain(`**Vision One Workbench alert** ${id}`);
		expect(incident.details).toContain('Hosts: nimda (10.10.0.10)');
		expect(incident.labels).toEqual(expect.arrayContaining([{ type: 'Vision One Alert', value: id }]));
		expect(alert(id).status).toBe('In Progress');
		expect(alert(id).firstInvestigatedDateTime).toBeDefined();
		expect(notes(id)).toEqual([`n8n opened XSOAR incident ${incident.id}: "${incident.name}". Vision One status: set to In Progress by n8n.`]);
		expect(outputs(result, 'Summary')).toEqual([
			expect.objectContaining({ alert: id, severity: 'critical', incident: incident.id, ticket: 'created', alertStatus: 'set to In Progress by n8n', warRoom: 'added' }),
		]);
		// The XSOAR analyst sees what n8n did in Vision One.
		expect(entries(incident)).toEqual([expect.stringMatching(new RegExp(`^\\*\\*Vision One alert ${id}\\*\\*: status set to In Progress by n8n; n8n's note naming this incident is on the alert \\(note \\d+\\)\\.$`))]);
	});

	it('lands a repeat of the same alert on the same incident: a War Room entry and a note, nothing new opened', async () => {
		const [id] = await raise({ severity: 'high' });
		const items = await asEmitted([id]);
		await run(items);
		const second = await run(items);

		const open = incidentsFor(id);
		expect(open).toHaveLength(1);
		expect(open[0].severity).toBe(3);
		expect(entries(open[0])).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^Repeated Vision One alert ${id} `))]));
		expect(outputs(second, 'Summary')).toEqual([expect.objectContaining({ incident: open[0].id, ticket: 'existing' })]);
		expect(notes(id)).toEqual([
			expect.stringMatching(new RegExp(`^n8n opened XSOAR incident ${open[0].id}: .*set to In Progress by n8n\\.$`)),
			expect.stringMatching(new RegExp(`^n8n added this alert to XSOAR incident ${open[0].id} \\(repeat delivery\\): .*left In Progress`)),
		]);
	});

	it('maps each Vision One severity one step onto XSOAR (low 1 … critical 4), unknown to 0', async () => {
		const ids = [...(await raise({ severity: 'low' })), ...(await raise({ severity: 'medium' })), ...(await raise({ severity: 'high' }))];
		const items = await asEmitted(ids);
		items.push({ json: { ...items[0].json, id: 'WB-9002-20261202-09999', severity: 'informational' } });
		const result = await run(items);
		expect(ids.map((id) => incidentsFor(id)[0]?.severity)).toEqual([1, 2, 3]);
		expect(incidentsFor('WB-9002-20261202-09999')[0].severity).toBe(0);
		// The made-up alert is not in Vision One: its incident exists, the failed status read and note are recorded.
		expect(outputs(result, 'Record Note Not Added')).toEqual([expect.objectContaining({ alert: 'WB-9002-20261202-09999', alertStatus: expect.stringContaining('could not read the alert') })]);
		expect(recorded(result)).toHaveLength(4);
	});

	it('never overwrites an analyst\'s status: an alert already Closed is left Closed, the note says so', async () => {
		const [id] = await raise();
		const items = await asEmitted([id]);
		await sandboxAction(env.sandbox, 'visionone', 'touchAlert', { id, status: 'Closed' });
		const result = await run(items);
		expect(alert(id).status).toBe('Closed');
		expect(v1().alerts.find((a) => a.id === id)?.firstInvestigatedDateTime).toBeUndefined();
		expect(notes(id)).toEqual([expect.stringMatching(/Vision One status: left Closed \(changed in Vision One before n8n got to it\)\.$/)]);
		expect(outputs(result, 'Summary')).toEqual([expect.objectContaining({ alert: id, alertStatus: expect.stringMatching(/^left Closed/) })]);
		expect(env.sandbox.requests.filter((r) => r.vendor === 'visionone' && r.method === 'PATCH')).toHaveLength(0);
	});

	it('retries XSOAR once when the first try is refused, and still opens exactly one incident', async () => {
		const [id] = await raise();
		// A refusal is not retried inside the node (a 500 on a search would be): it reaches the error output.
		env.sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '^/incidents/search$', kind: 'status', status: 403, times: 1 });
		const result = await run(await asEmitted([id]));
		expect(outputs(result, 'Find or Create Incident', 1)).toHaveLength(1);
		expect(incidentsFor(id)).toHaveLength(1);
		expect(outputs(result, 'Summary')).toEqual([expect.objectContaining({ alert: id, ticket: 'created' })]);
	});

	it('records an alert XSOAR refuses twice, and says so on the Vision One alert, whose status is left Open', async () => {
		const [id] = await raise();
		env.sandbox.faults.add({ vendor: 'xsoar', kind: 'status', status: 500, message: 'Internal server error' });
		const result = await run(await asEmitted([id]));
		expect(xsoar().incidents.filter((i) => i.CustomFields.externalkey === id)).toHaveLength(0);
		expect(alert(id).status).toBe('Open');
		expect(notes(id)).toEqual([expect.stringMatching(/^n8n could NOT open an XSOAR incident for this alert \(tried twice\): /)]);
		expect(outputs(result, 'Record Alert Without Incident')).toEqual([
			expect.objectContaining({ alert: id, failed: 'Cortex XSOAR: Find or Create Incident, twice', error: expect.any(String), noteOnAlert: 'added' }),
		]);
	});

	it('records the alert even when XSOAR and the Vision One note both fail', async () => {
		const [id] = await raise();
		env.sandbox.faults.add({ vendor: 'xsoar', kind: 'status', status: 502 });
		env.sandbox.faults.add({ vendor: 'visionone', method: 'POST', path: '/notes$', kind: 'status', status: 500 });
		const result = await run(await asEmitted([id]));
		expect(outputs(result, 'Record Alert Without Incident')).toEqual([expect.objectContaining({ alert: id, noteOnAlert: expect.stringMatching(/^NOT added: /) })]);
	});

	it('still adds the note, saying the status was NOT set, when Vision One refuses the status change', async () => {
		const [id] = await raise();
		env.sandbox.faults.add({ vendor: 'visionone', method: 'PATCH', kind: 'status', status: 403, message: 'The API key role may not modify Workbench alerts.' });
		const result = await run(await asEmitted([id]));
		const [incident] = incidentsFor(id);
		expect(alert(id).status).toBe('Open');
		expect(notes(id)).toEqual([expect.stringMatching(new RegExp(`^n8n opened XSOAR incident ${incident.id}: .* Vision One status: NOT set to In Progress: .*may not modify`))]);
		expect(outputs(result, 'Summary')).toEqual([expect.objectContaining({ alert: id, incident: incident.id, alertStatus: expect.stringMatching(/^NOT set to In Progress/) })]);
	});

	it('records the incident and the alert when the note cannot be added', async () => {
		const [id] = await raise();
		env.sandbox.faults.add({ vendor: 'visionone', method: 'POST', path: '/notes$', kind: 'status', status: 500 });
		const result = await run(await asEmitted([id]));
		const [incident] = incidentsFor(id);
		expect(alert(id).status).toBe('In Progress');
		expect(outputs(result, 'Record Note Not Added')).toEqual([
			expect.objectContaining({ alert: id, incident: incident.id, failed: 'Vision One: Add Note', alertStatus: 'set to In Progress by n8n', error: expect.any(String) }),
		]);
	});

	it('says in Summary when the War Room entry about the Vision One side fails', async () => {
		const [id] = await raise();
		env.sandbox.faults.add({ vendor: 'xsoar', method: 'POST', path: '^/entry$', kind: 'status', status: 403, times: 1 });
		const result = await run(await asEmitted([id]));
		expect(outputs(result, 'Summary')).toEqual([expect.objectContaining({ alert: id, ticket: 'created', warRoom: expect.stringMatching(/^NOT added: /) })]);
		expect(notes(id)).toHaveLength(1);
	});

	it('opens at most maxAlertsPerRun incidents per execution and records the rest', async () => {
		const capped = withSettings(template, { maxAlertsPerRun: 2 });
		const ids = await raise({ count: 3 });
		const result = await run(await asEmitted(ids), capped);
		expect(ids.map((id) => incidentsFor(id).length)).toEqual([1, 1, 0]);
		expect(outputs(result, 'Record Alert Not Sent (Cap)')).toEqual([expect.objectContaining({ alert: ids[2], reason: expect.stringContaining('more than 2 alerts') })]);
		expect(alert(ids[2]).status).toBe('Open');
	});

	it('when 1 call in 5 fails, every alert still ends up in Summary or a Record node, with at most one incident each', async () => {
		const ids = await raise({ count: 12 });
		for (const vendor of ['xsoar', 'visionone']) env.sandbox.faults.add({ vendor, kind: 'status', status: 500, probability: 0.2, seed: 7 });
		const result = await run(await asEmitted(ids));
		const seen = recorded(result);
		expect(seen.filter(([node]) => node !== 'Record Note Not Added').map(([, alertId]) => alertId).sort()).toEqual(
			[...ids].filter((id) => !outputs(result, 'Record Note Not Added').some((o) => o.alert === id)).sort(),
		);
		expect(new Set(seen.map(([, alertId]) => alertId)).size).toBe(ids.length);
		for (const id of ids) expect(incidentsFor(id).filter((i) => i.status !== 2).length).toBeLessThanOrEqual(1);
	});
});
