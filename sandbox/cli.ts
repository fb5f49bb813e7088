/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import process from 'node:process';

import type { Sandbox } from './index';
import { startSandbox } from './index';

function banner(sandbox: Sandbox): string {
	const lines = [`n8n-nodes-secops sandbox on ${sandbox.url}`, ''];
	for (const name of sandbox.vendorNames()) {
		lines.push(`${name}`, `  base URL: ${sandbox.vendorUrl(name)}`);
		for (const [key, value] of Object.entries(sandbox.credentials(name))) {
			lines.push(`  ${key}: ${String(value).replace(/\n/g, '\n    ')}`);
		}
		lines.push(`  admin actions: ${sandbox.actionNames(name).join(', ') || '(none)'}`, '');
	}
	lines.push(
		`Admin API: ${sandbox.url}/__admin (POST reset, GET state/<vendor>, POST|GET|DELETE faults, POST rate-limits,`,
		'  GET requests, GET credentials, GET|POST clock, GET vendors, POST vendor/<vendor>/<action>)',
		'Press Ctrl+C to stop.',
	);
	return `${lines.join('\n')}\n`;
}

/** Why the sandbox could not start, in one line; undefined for an error nobody expects. */
function startFailure(error: NodeJS.ErrnoException, port: number): string | undefined {
	if (error.code === 'EADDRINUSE') return `Port ${port} is in use; set SANDBOX_PORT to another port`;
	if (error.code === 'EACCES') return `Port ${port} needs privileges this user lacks; set SANDBOX_PORT to a port above 1023`;
	if (error.code === 'ERR_SOCKET_BAD_PORT') return `SANDBOX_PORT must be a port number from 0 to 65535, not "${process.env.SANDBOX_PORT}"`;
	return undefined;
}

/** `npm run sandbox`: serves every vendor API on 127.0.0.1 and prints where and with which credentials. */
async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? 4010);
	let sandbox: Sandbox;
	try {
		sandbox = await startSandbox({ port });
	} catch (error) {
		// An unexpected failure keeps its stack; the expected ones are one line.
		process.stderr.write(`${startFailure(error as NodeJS.ErrnoException, port) ?? (error as Error).stack}\n`);
		process.exit(1);
	}
	process.stdout.write(banner(sandbox));

	// npm and tsx forward the signal, so it can arrive more than once: stop once, and never hang on the way out.
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		setTimeout(() => process.exit(0), 2000).unref();
		void sandbox.close().then(() => {
			process.stdout.write(`Sandbox stopped (${signal}).\n`);
			process.exit(0);
		});
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
