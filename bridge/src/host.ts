/**
 * The native-messaging host: started by the browser when the wallet allows local apps
 * (`runtime.connectNative`), it listens on 127.0.0.1 and lives as long as the wallet's port:
 * stdin closing means the wallet let go, and the host exits.
 */
import { homedir } from 'node:os';
import type { Server } from 'node:http';
import type { ToHost } from '../../lib/protocol/bridge';
import { FrameReader, framesFor } from './framing';
import { WalletLink } from './wallet-link';
import { createBridgeServer } from './server';
import { stateDir, writeEndpoint } from './endpoint-file';

export const BRIDGE_VERSION = '0.1.0';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

export function runHost(): void {
  let seq = 1;
  const send = (message: unknown) => {
    for (const frame of framesFor(message, () => seq++)) process.stdout.write(frame);
  };
  const link = new WalletLink(send);
  let port = 0;
  let server: Server | null = null;
  const start = async (wanted: number) => {
    if (server) return send({ t: 'ready', port, version: BRIDGE_VERSION });
    server = createBridgeServer(link, () => port);
    try {
      port = await listen(server, wanted);
    } catch {
      // The wanted port is taken (another browser's bridge, or another program): any free one.
      port = await listen(server, 0);
    }
    try {
      writeEndpoint(stateDir(process.platform, homedir(), process.env), { port, pid: process.pid });
    } catch {
      // Only `connect` without --port needs the file; the wallet's options page shows the address too.
    }
    send({ t: 'ready', port, version: BRIDGE_VERSION });
  };
  const reader = new FrameReader((message) => {
    const m = message as ToHost;
    if (m.t === 'listen') void start(m.port).catch(() => process.exit(1));
    else link.receive(m);
  });
  process.stdin.on('data', (chunk: Buffer) => {
    try {
      reader.push(chunk);
    } catch {
      process.exit(1); // a broken frame: nothing after it can be trusted
    }
  });
  const stop = () => {
    link.close();
    server?.close();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
}
