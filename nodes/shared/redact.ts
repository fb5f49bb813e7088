import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const SECRET_FIELD = /token|secret|password|passwd|privatekey|private_key|apikey|api_key|assertion|jwt/i;
const AUTH_SCHEME = /\b(SSWS|Bearer|DPoP|Basic|Token)(\s+)([A-Za-z0-9._~+/=-]{8,})/g;
/**
 * A credential has digits or token punctuation, or is long; an English word after "DPoP" or "Token" (with the full stop
 * that may end its sentence) is neither.
 */
function looksLikeToken(text: string): boolean {
	const core = text.replace(/\.+$/, '');
	return core.length >= 8 && (/[0-9._~+/=-]/.test(core) || core.length >= 20);
}
const SECRET_PARAM = /((?:access_token|refresh_token|client_secret|client_assertion|password|api_key|apikey|token)=)[^&\s"')]+/gi;
const REDACTED = '[redacted]';

/** String values of a credential's secret-looking fields, longest first so overlaps redact fully. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	return Object.entries(credentials)
		.filter(([name, value]) => SECRET_FIELD.test(name) && typeof value === 'string' && value.length >= 4)
		.map(([, value]) => value as string)
		.sort((a, b) => b.length - a.length);
}

/** Removes known secrets and anything shaped like a credential (auth headers, token query params). */
export function redactText(text: string, secrets: string[] = []): string {
	let out = text;
	for (const secret of secrets) out = out.split(secret).join(REDACTED);
	return out
		.replace(AUTH_SCHEME, (match, scheme: string, space: string, token: string) => (looksLikeToken(token) ? `${scheme}${space}${REDACTED}` : match))
		.replace(SECRET_PARAM, `$1${REDACTED}`);
}

/** Deep copy of a JSON value with every string redacted. */
export function redactValue<T>(value: T, secrets: string[] = []): T {
	if (typeof value === 'string') return redactText(value, secrets) as unknown as T;
	if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets)) as unknown as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
			out[k] = SECRET_FIELD.test(k) && typeof v === 'string' ? REDACTED : redactValue(v, secrets);
		}
		return out as T;
	}
	return value;
}
