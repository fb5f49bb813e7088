import { z } from 'zod';

import type { Route } from '../../framework/types';
import { notFound } from './errors';
import { listQuery, queryPage } from './paging';
import type { C1Connector, ConductorOneState } from './state';
import { XSOAR_APP_ID, syncXsoarApp } from './xsoarConnector';

/** A read moves a queued sync on: the first read after Force Sync sees it running, the next one sees it done. */
function read(state: ConductorOneState, connector: C1Connector): Omit<C1Connector, 'syncReadsLeft'> {
	if (connector.syncReadsLeft !== undefined) {
		connector.syncReadsLeft--;
		const now = state.clock.iso();
		if (connector.syncReadsLeft <= 0) {
			// The sync itself: the XSOAR connector reads XSOAR's users and roles now; other apps have nothing to fetch.
			if (connector.appId === XSOAR_APP_ID) syncXsoarApp(state);
			connector.status = { ...connector.status, status: 'SYNC_STATUS_DONE', completedAt: now, updatedAt: now };
			delete connector.syncReadsLeft;
		}
	}
	const visible = { ...connector };
	delete visible.syncReadsLeft;
	return visible;
}

export const connectorRoutes: Route<ConductorOneState>[] = [
	{
		method: 'GET',
		path: '/api/v1/apps/:appId/connectors',
		query: listQuery,
		handle(state, req) {
			if (!state.apps.some((a) => a.id === req.params.appId)) return notFound('app', req.params.appId);
			return queryPage(state.connectors.filter((c) => c.appId === req.params.appId).map((c) => ({ connector: read(state, c) })), req.query);
		},
	},
	{
		method: 'POST',
		path: '/api/v1/apps/:appId/connectors/:connectorId/force_sync',
		body: z.object({}).strict(),
		handle(state, req) {
			const connector = state.connectors.find((c) => c.appId === req.params.appId && c.id === req.params.connectorId);
			if (!connector) return notFound('connector', req.params.connectorId);
			// Queued: the answer comes at once, the sync runs later (minutes to hours at ConductorOne).
			const now = state.clock.iso();
			connector.status = { ...connector.status, status: 'SYNC_STATUS_RUNNING', startedAt: now, updatedAt: now };
			connector.syncReadsLeft = 2;
			return { status: 200, body: {} };
		},
	},
];
