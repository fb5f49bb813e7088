import { expect, nodeItems } from '../check';
import type { WorkflowCheck } from '../check';

const LOGIN = 'alice.anders@acme.example';

/** fixtures/okta-get-user.json: the installed Okta node reads one user from the sandbox through its credential. */
const check: WorkflowCheck = {
	async verify({ sandbox, run }) {
		const [user] = nodeItems(run, 'Get Okta User');
		// Simplified output (the default) has `login` on top; the raw Okta user has it under `profile`.
		const login = user?.login ?? (user?.profile as { login?: string } | undefined)?.login;
		expect(login === LOGIN, `Get Okta User returned ${JSON.stringify(user).slice(0, 300)}, not ${LOGIN}`);
		const calls = (await sandbox.requests('okta')).filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/users/'));
		expect(calls.length === 1, `expected one GET /api/v1/users/… in the sandbox, saw ${calls.length}`);
		expect(calls[0].status === 200, `the sandbox answered GET ${calls[0].path} with ${calls[0].status}`);
	},
};

export default check;
