/** Columns and reference fields of the tables the ServiceNow sandbox hosts (a small slice of a real instance). */

export interface TableSchema {
	columns: string[];
	/** Reference field → the table it points to. */
	references: Record<string, string>;
	/** The field shown as the record's display value (references, `sysparm_display_value`). */
	displayField: string;
	/** Choice field → value → label. */
	choices?: Record<string, Record<string, string>>;
}

const SYSTEM = ['sys_id', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count'];
const LEVELS = { '1': '1 - High', '2': '2 - Medium', '3': '3 - Low' };

export const INCIDENT_STATES: Record<string, string> = {
	'1': 'New',
	'2': 'In Progress',
	'3': 'On Hold',
	'6': 'Resolved',
	'7': 'Closed',
	'8': 'Canceled',
};

export const TABLES: Record<string, TableSchema> = {
	incident: {
		columns: [
			...SYSTEM,
			'number', 'short_description', 'description', 'caller_id', 'category', 'subcategory', 'impact', 'urgency',
			'priority', 'severity', 'state', 'incident_state', 'active', 'assignment_group', 'assigned_to', 'correlation_id',
			'correlation_display', 'work_notes', 'comments', 'comments_and_work_notes', 'close_code', 'close_notes',
			'contact_type', 'opened_at', 'opened_by', 'resolved_at', 'resolved_by', 'closed_at', 'hold_reason',
			'sys_class_name', 'escalation', 'cmdb_ci',
		],
		references: {
			caller_id: 'sys_user',
			assignment_group: 'sys_user_group',
			assigned_to: 'sys_user',
			opened_by: 'sys_user',
			resolved_by: 'sys_user',
		},
		displayField: 'number',
		choices: {
			state: INCIDENT_STATES,
			incident_state: INCIDENT_STATES,
			impact: LEVELS,
			urgency: LEVELS,
			severity: LEVELS,
			priority: { '1': '1 - Critical', '2': '2 - High', '3': '3 - Moderate', '4': '4 - Low', '5': '5 - Planning' },
		},
	},
	sys_user: {
		columns: [...SYSTEM, 'user_name', 'first_name', 'last_name', 'name', 'email', 'title', 'department', 'active', 'locked_out'],
		references: {},
		displayField: 'name',
	},
	sys_user_group: {
		columns: [...SYSTEM, 'name', 'description', 'email', 'manager', 'type', 'active'],
		references: { manager: 'sys_user' },
		displayField: 'name',
	},
	sys_user_grmember: {
		columns: [...SYSTEM, 'group', 'user'],
		references: { group: 'sys_user_group', user: 'sys_user' },
		displayField: 'sys_id',
	},
	sys_journal_field: {
		columns: [...SYSTEM, 'element', 'element_id', 'name', 'value'],
		references: {},
		displayField: 'sys_id',
	},
	sys_attachment: {
		columns: [
			...SYSTEM, 'file_name', 'content_type', 'size_bytes', 'table_name', 'table_sys_id', 'download_link', 'hash',
		],
		references: {},
		displayField: 'file_name',
	},
};

/** Fields ServiceNow computes or owns; writes to them are ignored (sys_id only on insert). */
export const READ_ONLY = new Set([
	'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count', 'number', 'priority',
	'incident_state', 'active', 'opened_at', 'opened_by', 'resolved_at', 'resolved_by', 'closed_at', 'sys_class_name',
	'comments_and_work_notes',
]);

/** Impact × urgency → priority, ServiceNow's default priority lookup. */
export function priorityOf(impact: string, urgency: string): string {
	const i = Number(impact) || 3;
	const u = Number(urgency) || 3;
	return String(Math.min(5, Math.max(1, i + u - 1)));
}
