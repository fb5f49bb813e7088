import type { CredentialRecord } from './credentials';
import { wrongSecretFor } from './credentials';
import { detail } from './log';
import type { LoadedType, N8n } from './n8n';

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** As the editor gets it: secrets replaced by n8n's blank-value placeholder, which the test endpoint restores. */
	data: Record<string, unknown>;
}

/**
 * What the editor's *Test* button does for each credential, as the signed-in owner: load it for the credential
 * modal (`GET /rest/credentials/:id?includeData=true`), then `POST /rest/credentials/test` with what it loaded.
 * n8n runs the credential type's test (or the node's `testedBy` method) against the URL in the credential.
 *
 * Then the test of the same credential with a wrong secret (vendors/registry.ts `wrongSecret`) must fail, so a pass
 * means the secret was checked. Its expirable fields (an OAuth2 access token) are sent empty, as a new credential has
 * them: sent redacted, n8n would restore the token the first test just fetched and stored, and never use the secret.
 * Returns one line per credential whose tests did not answer so, with n8n's message.
 */
export async function testCredentialsInN8n(n8n: N8n, records: CredentialRecord[], types: LoadedType[]): Promise<string[]> {
	const problems: string[] = [];
	for (const record of records) {
		const { id, name, type, data } = await n8n.rest<StoredCredential>(`/credentials/${encodeURIComponent(record.id)}?includeData=true`);
		const test = async (fields: Record<string, unknown>) =>
			await n8n.rest<{ status: string; message?: string }>('/credentials/test', { credentials: { id, name, type, data: fields } });
		const result = await test(data);
		if (result.status !== 'OK') {
			problems.push(`credential "${name}" (${type}, id ${id}): n8n's test says "${result.message ?? result.status}"`);
			continue;
		}
		const wrong = wrongSecretFor(record);
		const expirable = (types.find((t) => t.name === type)?.properties ?? []).filter((p) => p.typeOptions?.expirable).map((p) => [p.name, '']);
		const refused = wrong && (await test({ ...data, ...Object.fromEntries(expirable), ...wrong }));
		if (refused && refused.status === 'OK') {
			problems.push(`credential "${name}" (${type}, id ${id}): n8n's test also passes with a wrong secret (${Object.keys(wrong).join(', ')})`);
			continue;
		}
		detail(`"${name}" (${type}): ${result.message ?? 'OK'}${refused ? `; with a wrong secret: "${refused.message ?? refused.status}"` : ''}`);
	}
	return problems;
}
