import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { simplifyAlert } from '../../nodes/VisionOne/helpers/alert';
import type { VisionOneState } from '../../sandbox/vendors/visionone/state';
import { incidents, outputs, workNotes } from '../chaos/records';
import type { SandboxEngine } from '../harness';
import { ActiveWorkflow, bundledWorkflow, sandboxAction, startSandboxEngine, vendorApiCall } from '../harness';

/** The file users import, its three triggers polled as n8n's scheduler would, against the sandbox over HTTP. */
const template = bundledWorkflow('vision-one-case-servicenow-sync.json');
const ANALYST = { instanceUrl: '', username: 'admin', password: 'sandbox-admin-password' };

describe('vision-one-case-servicenow-sync', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const v1 = () => env.sandbox.state<VisionOneState>('visionone');
	const theCase = (id: string) => v1().cases.find((c) => c.id === id)!;
	const alertNotes = (id: string) => (v1().notes[id] ?? []).map((n) => n.content);
	const raise = async (body: IDataObject = {}) => (await sandboxAction<{ raised: string[] }>(env.sandbox, 'visionone', 'raiseAlerts', body)).raised;
	const openCase = async (body: IDataObject) => (await sandboxAction<{ id: string }>(env.sandbox, 'visionone', 'openCase', { name: 'Credential dumping on nimda', ...body })).id;
	const touchCase = async (body: IDataObject) => await sandboxAction(env.sandbox, 'visionone', 'touchCase', body);
	/** A person in ServiceNow (not the integration user) changing an incident. */
	const asAnalyst = async (sysId: string, body: IDataObject) => {
		await vendorApiCall(env.sandbox.vendorUrl('servicenow'), { ...ANALYST, instanceUrl: env.sandbox.vendorUrl('servicenow') }, 'servicenow', 'PATCH', `/api/now/table/incident/${sysId}`, body);
	};
	/** ServiceNow's trigger emits only settled seconds; Vision One's stamps seconds too (the trigger skips what it emitted in one). */
	const nextSecond = async () => {
		await sandboxAction(env.sandbox, 'servicenow', 'clock', { advanceSeconds: 2 });
		await sleep(1100);
	};

	/** Past `echoSeconds` (2) after n8n's last write to a case, with a second's margin for Vision One's one-second stamps. */
	const pastEchoWindow = async () => await sleep(3100);

	async function activated() {
		const flows = {
			alerts: new ActiveWorkflow(env.engine, template, 'New Workbench Alert'),
			cases: new ActiveWorkflow(env.engine, template, 'Case Updated'),
			incidents: new ActiveWorkflow(env.engine, template, 'Incident Updated'),
		};
		for (const flow of Object.values(flows)) await flow.activate();
		return flows;
	}

	it('starts from now: the seeded alerts, cases and incidents are not synced on activation', async () => {
		const before = incidents(env.sandbox).length;
		const flows = await activated();
		await nextSecond();
		for (const flow of Object.values(flows)) expect((await flow.tick()).emitted).toEqual([]);
		expect(incidents(env.sandbox)).toHaveLength(before);
		expect(v1().cases.map((c) => c.externalTicketId)).toEqual(['INC0010001', 'INC0010002', '']);
	});

	it('a detection arriving as an alert and then as a case gets ONE incident, which the case keeps', async () => {
		const flows = await activated();
		const [alertId] = await raise({ severity: 'critical' });
		const first = await flows.alerts.tick();
		expect(first.emitted.map((a) => a.id)).toEqual([alertId]);
		const [incident] = incidents(env.sandbox, `v1:${alertId}`);
		expect(incident).toEqual(expect.objectContaining({ sys_created_by: 'soc.integration', impact: '1', urgency: '1' }));
		expect(outputs(first.run, 'Summary (Alert)')).toEqual([expect.objectContaining({ alert: alertId, incident: incident.number, ticket: 'created', noteOnAlert: 'added' })]);
		expect(alertNotes(alertId)).toEqual([`n8n: ServiceNow incident ${incident.number} (opened, correlation ID v1:${alertId}).`]);

		const caseId = await openCase({ associatedItemIds: [alertId] });
		const second = await flows.cases.tick();
		expect(second.emitted.map((c) => c.id)).toEqual([caseId]);
		expect(incidents(env.sandbox).filter((i) => String(i.correlation_id).includes(alertId))).toHaveLength(1);
		expect(outputs(second.run, 'Summary (Case)')).toEqual([
			expect.objectContaining({ case: caseId, incident: incident.number, ticket: 'existing', correlationId: `v1:${alertId}`, caseLink: 'linked by n8n' }),
		]);
		expect(theCase(caseId)).toEqual(expect.objectContaining({ externalTicketId: incident.number, externalTicketAlias: `ServiceNow ${incident.number} (n8n v1:${alertId})` }));
		expect(workNotes(env.sandbox, incident.sys_id).map((n) => n.value)).toEqual([
			expect.stringMatching(/^n8n opened this incident for Vision One Workbench alert/),
			expect.stringMatching(new RegExp(`^Vision One case ${caseId} "Credential dumping on nimda": status Open, priority P2`)),
		]);

		// The link was n8n's own write: the case trigger sees it (or skips it within the second), nothing goes to ServiceNow.
		await sleep(1100);
		const echo = await flows.cases.tick();
		expect(outputs(echo.run, 'Own Change')).toHaveLength(echo.emitted.length);
		expect(outputs(echo.run, 'Open or Update Incident (Case)')).toEqual([]);
		expect(workNotes(env.sandbox, incident.sys_id)).toHaveLength(2);

		// An analyst's later change of the case (past echoSeconds) is an update on the same incident.
		await pastEchoWindow();
		await touchCase({ id: caseId, priority: 'P1' });
		const update = await flows.cases.tick();
		expect(outputs(update.run, 'Summary (Case)')).toEqual([expect.objectContaining({ incident: incident.number, ticket: 'existing', caseLink: 'already linked' })]);
		expect(workNotes(env.sandbox, incident.sys_id).map((n) => n.value)[2]).toMatch(/status Open, priority P1/);
		expect(incidents(env.sandbox).filter((i) => String(i.correlation_id).startsWith('v1:'))).toHaveLength(1);
	});

	it('the other order too: a case first, its alert later, one incident; a case without alerts keys on the case', async () => {
		const flows = await activated();
		const [older, newer] = await raise({ count: 2 });
		const caseId = await openCase({ associatedItemIds: [newer, older] });
		const lonely = await openCase({ name: 'Phishing report', associatedItemIds: [] });
		await flows.cases.tick();
		await flows.alerts.tick();
		// Keyed on the oldest linked alert, whatever order the case lists them in.
		const [incident] = incidents(env.sandbox, `v1:${older}`);
		expect(theCase(caseId).externalTicketId).toBe(incident.number);
		expect(incidents(env.sandbox, `v1:${newer}`)).toHaveLength(1); // the newer alert is its own detection
		expect(alertNotes(older)).toEqual([`n8n: ServiceNow incident ${incident.number} (already open; this alert added to it, correlation ID v1:${older}).`]);
		const [caseOnly] = incidents(env.sandbox, `v1:case:${lonely}`);
		expect(theCase(lonely).externalTicketId).toBe(caseOnly.number);
	});

	it('ServiceNow state and people\'s work notes flow back to the case once each, with no echo in either direction', async () => {
		const flows = await activated();
		const [alertId] = await raise();
		await flows.alerts.tick();
		const caseId = await openCase({ associatedItemIds: [alertId] });
		await flows.cases.tick();
		const [incident] = incidents(env.sandbox, `v1:${alertId}`);

		await nextSecond();
		await asAnalyst(incident.sys_id, { state: '2', work_notes: 'Isolated nimda, collecting memory image.' });
		await nextSecond();
		const first = await flows.incidents.tick();
		expect(outputs(first.run, 'Synced')).toEqual([
			expect.objectContaining({ incident: incident.number, case: caseId, status: 'case set to In-progress (ServiceNow state 2)', workNotes: `1 copied to ${alertId}` }),
		]);
		expect(theCase(caseId).status).toBe('In-progress');
		const copied = alertNotes(alertId).filter((n) => n.startsWith('ServiceNow '));
		expect(copied).toEqual([expect.stringMatching(new RegExp(`^ServiceNow ${incident.number} work note by admin at .* UTC \\[snow:[0-9a-f]{32}\\]:\\nIsolated nimda, collecting memory image\\.$`))]);

		// The status write is n8n's own change of the case: skipped, nothing goes back to ServiceNow.
		const notesBefore = workNotes(env.sandbox, incident.sys_id).length;
		await sleep(1100);
		const echo = await flows.cases.tick();
		expect(outputs(echo.run, 'Own Change')).toHaveLength(echo.emitted.length);
		expect(outputs(echo.run, 'Open or Update Incident (Case)')).toEqual([]);

		await asAnalyst(incident.sys_id, { state: '6', close_code: 'Solution provided', close_notes: 'Reimaged.', work_notes: 'Host reimaged.' });
		await nextSecond();
		await flows.incidents.tick();
		expect(theCase(caseId).status).toBe('Closed');
		expect(alertNotes(alertId).filter((n) => n.startsWith('ServiceNow '))).toHaveLength(2);

		// More rounds change nothing: no note is copied twice, nothing is written to ServiceNow.
		for (let round = 0; round < 2; round++) {
			await nextSecond();
			await flows.cases.tick();
			await flows.incidents.tick();
		}
		expect(alertNotes(alertId).filter((n) => n.startsWith('ServiceNow '))).toHaveLength(2);
		expect(workNotes(env.sandbox, incident.sys_id).filter((n) => n.by === 'soc.integration')).toHaveLength(notesBefore - 1);
		expect(incidents(env.sandbox).filter((i) => String(i.correlation_id).startsWith('v1:'))).toHaveLength(1);
	});

	it('acts only on its own: foreign-linked and other-type cases are left alone, incidents not opened by the integration user are not synced back', async () => {
		const flows = await activated();
		const seeded = v1().cases[0]; // TPIServiceNow, linked to INC0010001 by Vision One's own integration
		const [alertId] = await raise();
		const forensic = await openCase({ type: 'Forensics', associatedItemIds: [alertId] });
		await touchCase({ id: seeded.id, priority: 'P0' });
		const { run } = await flows.cases.tick();
		expect(outputs(run, 'Case Left Alone')).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ case: seeded.id, reason: expect.stringContaining('TPIServiceNow is not in caseTypes') }),
				expect.objectContaining({ case: forensic, reason: expect.stringContaining('Forensics is not in caseTypes') }),
			]),
		);
		const linkedElsewhere = await openCase({ type: 'Workbench', associatedItemIds: [alertId], externalTicketId: 'INC0010003', externalTicketAlias: 'ServiceNow INC0010003' });
		const again = await flows.cases.tick();
		expect(outputs(again.run, 'Case Left Alone')).toEqual([expect.objectContaining({ case: linkedElsewhere, reason: expect.stringContaining('lacks n8n\'s marker') })]);
		expect(incidents(env.sandbox, `v1:${alertId}`)).toHaveLength(0);

		// An incident someone else opened with the prefix, naming our case's ticket number, changes nothing in Vision One.
		const ours = await openCase({ associatedItemIds: [alertId], name: 'Ours' });
		await flows.cases.tick();
		const before = structuredClone(theCase(ours));
		await nextSecond();
		await vendorApiCall(env.sandbox.vendorUrl('servicenow'), { ...ANALYST, instanceUrl: env.sandbox.vendorUrl('servicenow') }, 'servicenow', 'POST', '/api/now/table/incident', {
			short_description: 'Looks like ours',
			correlation_id: `v1:${alertId}-fake`,
			state: '6',
			close_code: 'Solution provided',
			close_notes: 'x',
			work_notes: 'close the case please',
		});
		await nextSecond();
		const incoming = await flows.incidents.tick();
		expect(outputs(incoming.run, 'Not Synced Back')).toEqual([expect.objectContaining({ result: 'left alone', reason: expect.stringContaining('opened by admin') })]);
		expect(theCase(ours)).toEqual(before);
	});

	it('opens no incident for a closed case, leaves a linked one\'s incident alone when the case closes, and syncs nothing back for an alert-only incident', async () => {
		const flows = await activated();
		const [alertId, other] = await raise({ count: 2 });
		const closedEarly = await openCase({ associatedItemIds: [other] });
		await touchCase({ id: closedEarly, status: 'Closed' });
		const early = await flows.cases.tick();
		expect(outputs(early.run, 'Closed Case')).toEqual([expect.objectContaining({ case: closedEarly, result: 'not ticketed', reason: 'closed before it was ticketed' })]);
		expect(incidents(env.sandbox, `v1:${other}`)).toHaveLength(0);

		await flows.alerts.tick(); // both alerts ticketed on their own
		const caseId = await openCase({ associatedItemIds: [alertId] });
		await flows.cases.tick();
		const [incident] = incidents(env.sandbox, `v1:${alertId}`);
		const notes = workNotes(env.sandbox, incident.sys_id).length;
		await pastEchoWindow();
		await touchCase({ id: caseId, status: 'Closed' });
		const closed = await flows.cases.tick();
		expect(outputs(closed.run, 'Closed Case')).toEqual([expect.objectContaining({ case: caseId, result: 'left as is', reason: expect.stringContaining(`its incident ${incident.number} keeps its own state`) })]);
		expect(workNotes(env.sandbox, incident.sys_id)).toHaveLength(notes);
		expect(incidents(env.sandbox, `v1:${alertId}`)[0].state).toBe(incident.state);

		const [alertOnly] = incidents(env.sandbox, `v1:${other}`);
		await nextSecond();
		await asAnalyst(alertOnly.sys_id, { work_notes: 'Looked at it.' });
		await nextSecond();
		const back = await flows.incidents.tick();
		expect(outputs(back.run, 'Not Synced Back')).toEqual([expect.objectContaining({ incident: alertOnly.number, reason: "no Vision One case carries n8n's link to this incident" })]);
	});

	it('records every alert and case when ServiceNow refuses twice, and links a case whose link failed on its next update', async () => {
		const flows = await activated();
		const [alertId] = await raise();
		env.sandbox.faults.add({ vendor: 'servicenow', kind: 'status', status: 403, message: 'ACL denied' });
		const alert = await flows.alerts.tick();
		expect(outputs(alert.run, 'Record Unticketed Alert')).toEqual([expect.objectContaining({ alert: alertId, failed: 'ServiceNow: Open or Update Incident, twice', error: expect.any(String) })]);
		const caseId = await openCase({ associatedItemIds: [alertId] });
		const unticketed = await flows.cases.tick();
		expect(outputs(unticketed.run, 'Record Unticketed Case')).toEqual([expect.objectContaining({ case: caseId, correlationId: `v1:${alertId}` })]);
		env.sandbox.faults.clear('servicenow');

		env.sandbox.faults.add({ vendor: 'visionone', method: 'PATCH', path: '/caseManagement/', kind: 'status', status: 403, times: 1 });
		await sleep(1100);
		await touchCase({ id: caseId, status: 'In-progress' });
		const notLinked = await flows.cases.tick();
		const [incident] = incidents(env.sandbox, `v1:${alertId}`);
		expect(outputs(notLinked.run, 'Record Case Not Linked')).toEqual([expect.objectContaining({ case: caseId, incident: incident.number })]);
		expect(theCase(caseId).externalTicketId).toBe('');

		await sleep(1100);
		await touchCase({ id: caseId, priority: 'P1' });
		const linked = await flows.cases.tick();
		expect(outputs(linked.run, 'Summary (Case)')).toEqual([expect.objectContaining({ incident: incident.number, ticket: 'existing', caseLink: 'linked by n8n' })]);
		expect(theCase(caseId).externalTicketId).toBe(incident.number);
		expect(incidents(env.sandbox, `v1:${alertId}`)).toHaveLength(1);
	});

	it('ServiceNow → case failures are recorded per incident; notes that failed to copy are copied on the next update', async () => {
		const flows = await activated();
		const [alertId] = await raise();
		const caseId = await openCase({ associatedItemIds: [alertId] });
		await flows.cases.tick();
		const [incident] = incidents(env.sandbox, `v1:${alertId}`);

		env.sandbox.faults.add({ vendor: 'visionone', method: 'PATCH', kind: 'status', status: 403, times: 1 });
		env.sandbox.faults.add({ vendor: 'visionone', method: 'POST', path: '/notes$', kind: 'status', status: 500, times: 1 });
		await nextSecond();
		await asAnalyst(incident.sys_id, { state: '2', work_notes: 'Working on it.' });
		await nextSecond();
		const failed = await flows.incidents.tick();
		expect(outputs(failed.run, 'Record Not Synced')).toEqual([
			expect.objectContaining({ incident: incident.number, failed: 'Copy Work Notes to Alert', status: expect.stringMatching(/^case NOT set to In-progress: /) }),
		]);
		expect(theCase(caseId).status).toBe('Open');
		expect(alertNotes(alertId).filter((n) => n.startsWith('ServiceNow '))).toHaveLength(0);

		await asAnalyst(incident.sys_id, { work_notes: 'Second note.' });
		await nextSecond();
		const healed = await flows.incidents.tick();
		expect(outputs(healed.run, 'Synced')).toEqual([expect.objectContaining({ status: 'case set to In-progress (ServiceNow state 2)', workNotes: `2 copied to ${alertId}` })]);
		expect(theCase(caseId).status).toBe('In-progress');

		env.sandbox.faults.add({ vendor: 'visionone', method: 'GET', path: '/caseManagement/cases$', kind: 'status', status: 403, times: 1 });
		await asAnalyst(incident.sys_id, { work_notes: 'Third.' });
		await nextSecond();
		const lookup = await flows.incidents.tick();
		expect(outputs(lookup.run, 'Record Not Synced')).toEqual([expect.objectContaining({ incident: incident.number, failed: 'Find Linked Case', status: 'not synced' })]);
	});
	it('when 1 call in 5 fails, every alert and case is ticketed or recorded, never twice; a redelivery heals the rest', async () => {
		const alertIds = await raise({ count: 6 });
		const caseIds = [
			await openCase({ associatedItemIds: [alertIds[0]] }),
			await openCase({ associatedItemIds: [alertIds[2], alertIds[1]] }),
			await openCase({ name: 'No alerts' }),
		];
		const items = (): INodeExecutionData[] => [
			...alertIds.map((id) => ({ json: simplifyAlert(structuredClone(v1().alerts.find((a) => a.id === id)!) as IDataObject) })),
			// As the API shows a case: without the sandbox's version counter.
			...caseIds.map((id) => ({ json: Object.fromEntries(Object.entries(structuredClone(theCase(id))).filter(([key]) => key !== 'version')) as IDataObject })),
		];
		const deliver = async (from: string, batch: INodeExecutionData[]) => await env.engine.run(template, { startNode: from, mode: 'trigger', items: batch });
		const openPerKey = () => {
			const open = incidents(env.sandbox).filter((i) => String(i.correlation_id).startsWith('v1:') && !['6', '7', '8'].includes(String(i.state)));
			return new Map(open.map((i) => [i.correlation_id, open.filter((o) => o.correlation_id === i.correlation_id).length]));
		};

		for (const vendor of ['servicenow', 'visionone']) env.sandbox.faults.add({ vendor, kind: 'status', status: 500, probability: 0.2, seed: 11 });
		const all = items();
		const alertRun = await deliver('New Workbench Alert', all.slice(0, 6));
		const caseRun = await deliver('Case Updated', all.slice(6));
		const alertsOut = [...outputs(alertRun, 'Summary (Alert)'), ...outputs(alertRun, 'Record Unticketed Alert')].map((o) => o.alert).sort();
		expect(alertsOut).toEqual([...alertIds].sort());
		const casesOut = ['Summary (Case)', 'Record Case Not Linked', 'Record Unticketed Case'].flatMap((node) => outputs(caseRun, node)).map((o) => o.case).sort();
		expect(casesOut).toEqual([...caseIds].sort());
		expect([...openPerKey().values()].every((n) => n === 1)).toBe(true);

		env.sandbox.faults.clear();
		await sleep(1100);
		const again = items();
		await deliver('New Workbench Alert', again.slice(0, 6));
		await deliver('Case Updated', again.slice(6));
		const keys = openPerKey();
		expect([...keys.keys()].sort()).toEqual([...alertIds.map((id) => `v1:${id}`), `v1:case:${caseIds[2]}`].sort());
		expect([...keys.values()].every((n) => n === 1)).toBe(true);
		expect(caseIds.map((id) => theCase(id).externalTicketId)).toEqual([
			incidents(env.sandbox, `v1:${alertIds[0]}`)[0].number,
			incidents(env.sandbox, `v1:${alertIds[1]}`)[0].number,
			incidents(env.sandbox, `v1:case:${caseIds[2]}`)[0].number,
		]);
	});
});
