/** `YYYY-MM-DD HH:MM:SS` (UTC): ServiceNow's datetime format as the Table API reads and compares it, one-second resolution. */
export function snTime(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').slice(0, 19);
}
