/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import process from 'node:process';

import { startSandbox } from './index';

/** `npm run sandbox`: serves every vendor API on 127.0.0.1 and prints where and with which credentials. */
async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? 4010);
	const sandbox = await startSandbox({ port });
	const lines = [`n8n-nodes-secops sandbox on ${sandbox.url}`, ''];
	for (const name of sandbox.vendorNames()) {
		lines.push(`${name}`, `  base URL: ${sandbox.vendorUrl(name)}`);
		for (const [key, value] of Object.entries(sandbox.credentials(name))) {
			lines.push(`  ${key}: ${String(value).replace(/\n/g, '\n    ')}`);
		}
		lines.push('');
	}
	lines.push(
		`Admin API: ${sandbox.url}/__admin (POST reset, GET state/<vendor>, POST faults, POST rate-limits, GET requests)`,
		'Press Ctrl+C to stop.',
	);
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
