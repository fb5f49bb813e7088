/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test runs in plain Node: it starts `npm run sandbox` as a user would */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Server } from 'node:net';

interface Run {
	stdout: string;
	stderr: string;
	exit: Promise<number | null>;
	kill(signal: NodeJS.Signals): void;
	/** Resolves once stdout contains `text`. */
	printed(text: string): Promise<void>;
}

function npmRunSandbox(port: number): Run {
	const child = spawn('npm', ['run', '--silent', 'sandbox'], { env: { ...process.env, SANDBOX_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
	const run: Run = {
		stdout: '',
		stderr: '',
		exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
		kill: (signal) => child.kill(signal),
		printed: (text) =>
			new Promise((resolve, reject) => {
				const check = () => run.stdout.includes(text) && resolve();
				child.stdout.on('data', check);
				void run.exit.then(() => reject(new Error(`The sandbox exited before printing "${text}": ${run.stderr}`)));
				check();
			}),
	};
	child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
	return run;
}

async function listen(port = 0): Promise<Server> {
	const server = createServer();
	await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
	return server;
}

const portOf = (server: Server) => (server.address() as { port: number }).port;
const closed = async (server: Server) => await new Promise<void>((resolve) => server.close(() => resolve()));

async function freePort(): Promise<number> {
	const server = await listen();
	const port = portOf(server);
	await closed(server);
	return port;
}

/** `npm run sandbox` as a user runs it: the banner, a clean stop on the signals npm forwards, a clear busy-port error. */
describe('npm run sandbox', () => {
	it.each(['SIGINT', 'SIGTERM'] as const)('prints the credentials, ServiceNow OAuth client included, and stops cleanly on %s sent to npm', async (signal) => {
		const port = await freePort();
		const run = npmRunSandbox(port);
		await run.printed('Press Ctrl+C to stop.');
		expect(run.stdout).toContain(`n8n-nodes-secops sandbox on http://127.0.0.1:${port}`);
		expect(run.stdout).toMatch(/servicenow\n(.*\n)*\s+clientId: \S+\n\s+clientSecret: \S+/);
		expect((await fetch(`http://127.0.0.1:${port}/__admin/vendors`)).status).toBe(200);

		run.kill(signal);
		expect(await run.exit).toBe(0);
		expect(run.stdout).toContain(`Sandbox stopped (${signal}).`);
		expect(run.stderr).toBe('');
		// Nothing is left holding the port.
		await closed(await listen(port));
	}, 40_000);

	it('says in one line that the port is in use, and exits 1', async () => {
		const busy = await listen();
		try {
			const run = npmRunSandbox(portOf(busy));
			expect(await run.exit).toBe(1);
			expect(run.stderr).toBe(`Port ${portOf(busy)} is in use; set SANDBOX_PORT to another port\n`);
			expect(run.stdout).toBe('');
		} finally {
			await closed(busy);
		}
	}, 40_000);
});
