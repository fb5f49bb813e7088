import type { ICredentialDataDecryptedObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

export const HOOK_SECRET_CREDENTIAL = 'secOpsOktaEventHookApi';
const MIN_SECRET_LENGTH = 16;
/** RFC 9110 token characters: what Okta accepts as a header name. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function secretOf(credentials: ICredentialDataDecryptedObject | undefined): { headerName: string; secret: string } {
	return {
		headerName: String(credentials?.headerName ?? '').trim() || 'Authorization',
		secret: typeof credentials?.secret === 'string' ? credentials.secret : '',
	};
}

/** The header and value Okta sends with every delivery, from the Event Hook Secret credential. */
export async function hookSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<{ headerName: string; secret: string }> {
	return secretOf(await ctx.getCredentials<ICredentialDataDecryptedObject>(HOOK_SECRET_CREDENTIAL));
}

/** Why the credential cannot protect a hook, if it cannot: checked by its credential test and before registering. */
export function secretProblem(credentials: ICredentialDataDecryptedObject | undefined): string | undefined {
	const { headerName, secret } = secretOf(credentials);
	if (!HEADER_NAME.test(headerName)) return `Header Name "${headerName.slice(0, 60)}" is not an HTTP header name`;
	if (secret.length < MIN_SECRET_LENGTH) {
		return `The secret has ${secret.length} characters; use a random value of at least ${MIN_SECRET_LENGTH} (32 or more is better)`;
	}
	return undefined;
}

/** Okta's challenge is an opaque token; anything else is not Okta and gets no echo. */
export function validChallenge(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_\-.~+/=]{1,256}$/.test(value);
}
