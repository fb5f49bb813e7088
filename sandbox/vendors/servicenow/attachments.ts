import { createHash } from 'node:crypto';

import type { Route } from '../../framework/types';
import { noRecord, snError } from './errors';
import { deleteRecord, findRecord, renderRecord } from './records';
import { TABLES } from './schema';
import { newSysId, nowMs, snTime } from './state';
import type { ServiceNowState } from './state';
import { listRecords, renderOptions, userOf } from './tables';

/** The Attachment API: raw-body upload to a record, metadata list (an encoded query over sys_attachment), download. */
export const attachmentRoutes: Route<ServiceNowState>[] = [
	{
		method: 'POST',
		path: '/api/now/attachment/file',
		bucket: 'instance',
		handle(state, req) {
			const table = req.query.get('table_name') ?? '';
			const tableSysId = req.query.get('table_sys_id') ?? '';
			const fileName = req.query.get('file_name') ?? '';
			const contentType = String(req.headers['content-type'] ?? '');
			if (!table || !tableSysId || !fileName) {
				return snError(400, 'Failed to create the attachment', 'table_name, table_sys_id and file_name are required');
			}
			if (!contentType) return snError(400, 'Failed to create the attachment', 'Content-Type header is mandatory');
			if (!TABLES[table] || !findRecord(state, table, tableSysId)) {
				return snError(404, 'Failed to create the attachment', `Record ${table}/${tableSysId} does not exist`);
			}
			const sysId = newSysId();
			const now = snTime(nowMs(state));
			// The exact bytes received: size_bytes is their count, hash their SHA-256 (hex), as ServiceNow reports them.
			const content = Buffer.from(req.rawBody);
			const record = {
				sys_id: sysId,
				sys_created_on: now,
				sys_created_by: userOf(req),
				sys_updated_on: now,
				sys_updated_by: userOf(req),
				sys_mod_count: '0',
				file_name: fileName,
				content_type: contentType,
				size_bytes: String(content.length),
				table_name: table,
				table_sys_id: tableSysId,
				download_link: `${req.baseUrl}/api/now/attachment/${sysId}/file`,
				hash: createHash('sha256').update(content).digest('hex'),
			};
			state.tables.sys_attachment.push(record);
			state.attachmentContent.set(sysId, content);
			return {
				status: 201,
				headers: { Location: `${req.baseUrl}/api/now/attachment/${sysId}` },
				body: { result: renderRecord(state, 'sys_attachment', record, { ...renderOptions(req), excludeReferenceLink: true }) },
			};
		},
	},
	{
		method: 'GET',
		path: '/api/now/attachment',
		bucket: 'instance',
		handle: (state, req) => listRecords(state, 'sys_attachment', req),
	},
	{
		method: 'GET',
		path: '/api/now/attachment/:sysId',
		bucket: 'instance',
		handle(state, req) {
			const record = findRecord(state, 'sys_attachment', req.params.sysId);
			if (!record) return noRecord();
			return { status: 200, body: { result: renderRecord(state, 'sys_attachment', record, renderOptions(req)) } };
		},
	},
	{
		method: 'GET',
		path: '/api/now/attachment/:sysId/file',
		bucket: 'instance',
		handle(state, req) {
			const record = findRecord(state, 'sys_attachment', req.params.sysId);
			if (!record) return noRecord();
			return {
				status: 200,
				headers: { 'Content-Type': record.content_type },
				body: state.attachmentContent.get(record.sys_id) ?? Buffer.alloc(0),
			};
		},
	},
	{
		method: 'DELETE',
		path: '/api/now/attachment/:sysId',
		bucket: 'instance',
		handle(state, req) {
			if (!deleteRecord(state, 'sys_attachment', req.params.sysId)) return noRecord();
			state.attachmentContent.delete(req.params.sysId);
			return { status: 204 };
		},
	},
];
