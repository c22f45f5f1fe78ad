/**
 * A plain node:http server on 127.0.0.1 for the few client tests the demo Space server can't serve
 * (redirects, mislabelled bodies, exact statuses). Started before and closed after the suite; `respond`
 * is read per request, so each test can script its own answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface ScriptedServer {
  /** `http://127.0.0.1:PORT`, set once the suite's beforeAll ran. */
  origin: string;
}

export function useScriptedServer(respond: (req: IncomingMessage, res: ServerResponse) => void): ScriptedServer {
  const handle: ScriptedServer = { origin: '' };
  let server: Server | undefined;
  beforeAll(async () => {
    const started = createServer((req, res) => respond(req, res));
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
    server = started;
    handle.origin = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
  return handle;
}
