import type { IDataObject } from 'n8n-workflow';

/** A field as a plain value whatever `sysparm_display_value` was used (`{value, display_value}` or a string). */
export function plainValue(value: unknown): string {
	return value && typeof value === 'object' ? String((value as IDataObject).value ?? '') : String(value ?? '');
}
