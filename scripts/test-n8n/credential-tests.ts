import type { CredentialRecord } from './credentials';
import { wrongSecretFor } from './credentials';
import { detail } from './log';
import type { N8n } from './n8n';

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
 * n8n runs the credential type's test (or the node's `testedBy` method) against the URL in the credential. The same
 * test with a wrong secret typed over the stored one (vendors/registry.ts `wrongSecret`) must fail, so a pass means
 * the secret was checked. Returns one line per credential whose test did not answer as expected, with n8n's message.
 */
export async function testCredentialsInN8n(n8n: N8n, records: CredentialRecord[]): Promise<string[]> {
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
		const refused = wrong && (await test({ ...data, ...wrong }));
		if (refused && refused.status === 'OK') {
			problems.push(`credential "${name}" (${type}, id ${id}): n8n's test also passes with a wrong secret (${Object.keys(wrong).join(', ')})`);
			continue;
		}
		detail(`"${name}" (${type}): ${result.message ?? 'OK'}${refused ? `; with a wrong secret: "${refused.message ?? refused.status}"` : ''}`);
	}
	return problems;
}
