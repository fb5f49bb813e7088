/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only sandbox: runs in plain Node, is never loaded by n8n and is not published */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer } from 'node:tls';

/**
 * An HTTPS front for the sandbox, as on-prem PAM360 runs with a self-signed certificate: TLS is terminated here and
 * the bytes go on to the plain-HTTP sandbox. The certificate and key in this folder are TEST-ONLY fixtures
 * (self-signed for 127.0.0.1, generated once with openssl), never used for anything but this listener.
 */
export interface TlsFront {
	/** `https://127.0.0.1:<port>`: the sandbox's URL with https and this listener's port. */
	url: string;
	certificatePem: string;
	close(): Promise<void>;
}

export async function startTlsFront(httpUrl: string): Promise<TlsFront> {
	const target = new URL(httpUrl);
	const certificatePem = readFileSync(join(__dirname, 'test-only-tls.cert.pem'), 'utf8');
	const server = createServer({ key: readFileSync(join(__dirname, 'test-only-tls.key.pem')), cert: certificatePem }, (socket) => {
		const upstream = connect(Number(target.port), target.hostname);
		socket.pipe(upstream).pipe(socket);
		socket.on('error', () => upstream.destroy());
		upstream.on('error', () => socket.destroy());
		socket.on('close', () => upstream.destroy());
		upstream.on('close', () => socket.destroy());
	});
	// A client refusing the certificate ends the handshake; that is the point of the test, not an error here.
	server.on('tlsClientError', () => undefined);
	const sockets = new Set<import('node:net').Socket>();
	server.on('secureConnection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, target.hostname, resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `https://${target.hostname}:${port}`,
		certificatePem,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
