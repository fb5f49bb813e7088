import { randomUUID } from 'node:crypto';

import type { Pam360State, RpaEntry } from './state';

function entry(state: Pam360State, body: Record<string, unknown>): RpaEntry {
	const found = state.rpa.find((e) => e.id === String(body.id ?? ''));
	if (!found) throw new Error(`No RPA entry with id "${String(body.id)}" (entries: ${state.rpa.map((e) => e.id).join(', ')})`);
	return found;
}

const view = ({ id, name, token, status, expiresAt, decidedBy }: RpaEntry) => ({
	id,
	name,
	token,
	status,
	expiresAt: expiresAt === undefined ? null : new Date(expiresAt).toISOString(),
	decidedBy: decidedBy ?? null,
});

/**
 * The RPA App Token life cycle as a PAM360 administrator drives it: a new entry waits for approval (or is approved
 * automatically), an administrator approves or rejects it, editing it sends it back for approval, and it can be
 * deleted or expire. Also the per-account reason / ticket ID settings.
 */
export const pam360Admin: Record<string, (state: Pam360State, body: Record<string, unknown>) => unknown> = {
	/** `{name, user?, autoApprove?, expiresInSeconds?}` → the entry with its App Token. */
	createRpaEntry(state, body) {
		const autoApprove = body.autoApprove === true;
		const created: RpaEntry = {
			id: String(state.nextRpaId++),
			name: String(body.name ?? 'n8n'),
			token: randomUUID().toUpperCase(),
			user: String(body.user ?? 'admin'),
			status: autoApprove ? 'approved' : 'pending',
			autoApprove,
			...(autoApprove ? { decidedBy: 'automatic' } : {}),
			...(body.expiresInSeconds === undefined ? {} : { expiresAt: state.clock.now() + Number(body.expiresInSeconds) * 1000 }),
		};
		state.rpa.push(created);
		return view(created);
	},
	/** `{id, by?}` */
	approveRpaEntry(state, body) {
		const e = entry(state, body);
		e.status = 'approved';
		e.decidedBy = String(body.by ?? 'admin');
		return view(e);
	},
	/** `{id, by?}` */
	rejectRpaEntry(state, body) {
		const e = entry(state, body);
		e.status = 'rejected';
		e.decidedBy = String(body.by ?? 'admin');
		return view(e);
	},
	/** `{id, name?}`: an edited entry needs approval again, unless approval is automatic. */
	editRpaEntry(state, body) {
		const e = entry(state, body);
		if (body.name !== undefined) e.name = String(body.name);
		e.status = e.autoApprove ? 'approved' : 'pending';
		e.decidedBy = e.autoApprove ? 'automatic' : undefined;
		return view(e);
	},
	/** `{id}` */
	deleteRpaEntry(state, body) {
		const e = entry(state, body);
		e.status = 'deleted';
		return view(e);
	},
	/** `{id}`: the token's expiry is now (on the vendor clock). */
	expireRpaEntry(state, body) {
		const e = entry(state, body);
		e.expiresAt = state.clock.now();
		return view(e);
	},
	/** `{resourceId, accountId, reasonRequired?, ticketRequired?}` */
	accountRequirements(state, body) {
		const account = state.resources.find((r) => r.id === String(body.resourceId))?.accounts.find((a) => a.id === String(body.accountId));
		if (!account) throw new Error(`No account ${String(body.accountId)} in resource ${String(body.resourceId)}`);
		if (body.reasonRequired !== undefined) account.reasonRequired = body.reasonRequired === true;
		if (body.ticketRequired !== undefined) account.ticketRequired = body.ticketRequired === true;
		return { reasonRequired: account.reasonRequired, ticketRequired: account.ticketRequired };
	},
};
