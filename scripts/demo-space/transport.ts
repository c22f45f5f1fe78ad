/**
 * The two transports of the demo server and what differs between them. The request pipeline is shared: it sees
 * Node's HTTP/1.1 `req`/`res` or the HTTP/2 compatibility API's, which behave alike for everything the demo uses
 * (headers, method, url, body stream, writeHead/write/end, 'drain'), except what is handled here.
 *
 *  - plain: `node:http`, HTTP/1.1 (Space On-Premises' default `http://127.0.0.1:8084`).
 *  - tls: `node:http2` secure server with `allowHTTP1`: HTTP/2 for clients that negotiate it over ALPN (browsers,
 *    as in front of a real Space deployment), HTTPS/1.1 for the rest. The certificate is the committed demo
 *    pair in `tls/` (see tls/README.md: demo only, its key is public, nothing trusts it).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants as h2, createSecureServer, Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';

export type DemoRequest = IncomingMessage | Http2ServerRequest;
export type DemoResponse = ServerResponse | Http2ServerResponse;

/** How a request reached the server, as the request log shows it (ALPN names). */
export type WireProtocol = 'http/1.1' | 'h2';

export interface DemoTlsCredentials {
  /** PEM; also what a client passes as `ca` to trust the demo server for one connection. */
  cert: string;
  key: string;
}

let credentials: DemoTlsCredentials | null = null;

/** The committed demo key and self-signed certificate for localhost / 127.0.0.1 / ::1. */
export function demoTlsCredentials(): DemoTlsCredentials {
  credentials ??= {
    cert: readFileSync(new URL('./tls/demo-cert.pem', import.meta.url), 'utf8'),
    key: readFileSync(new URL('./tls/demo-key.pem', import.meta.url), 'utf8'),
  };
  return credentials;
}

export function wireProtocol(req: DemoRequest): WireProtocol {
  return req instanceof Http2ServerRequest ? 'h2' : 'http/1.1';
}

/**
 * An object that stands for the connection a request came on, the same for every request on it: the HTTP/2
 * session, or the HTTP/1.1 socket. (Over HTTP/2, `req.socket` is a per-stream proxy, so it cannot serve.)
 */
export function connectionOf(req: DemoRequest): object {
  return req instanceof Http2ServerRequest ? req.stream.session ?? req.stream : req.socket;
}

/** The client went away (closed the connection, or reset the stream) while the answer was being prepared. */
export function clientGone(req: DemoRequest, res: DemoResponse): boolean {
  if (req instanceof Http2ServerRequest) return req.stream.destroyed || req.stream.closed;
  return (res as ServerResponse).destroyed || req.socket.destroyed;
}

/**
 * The `drop` fault: no answer at all. HTTP/1.1 closes the connection. HTTP/2 resets only this stream with
 * INTERNAL_ERROR, what a proxy does when its upstream dies mid-request: the other requests multiplexed on the
 * same connection carry on, as they would on their own connections over HTTP/1.1. (A plain `destroy()` of the
 * stream would send RST_STREAM with NO_ERROR, which clients may read as an empty success.)
 */
export function dropWithoutAnswer(req: DemoRequest): void {
  if (req instanceof Http2ServerRequest) req.stream.close(h2.NGHTTP2_INTERNAL_ERROR);
  else req.socket.destroy();
}

export interface Listening {
  /** `http://127.0.0.1:PORT`, or `https://…` with TLS. */
  url: string;
  port: number;
  /** The demo certificate (PEM) with TLS, else null. */
  certificate: string | null;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** Starts the transport (plain HTTP/1.1, or TLS with HTTP/2 and HTTP/1.1) and hands every request to `onRequest`. */
export async function listen(
  options: { port?: number; host?: string; tls: boolean }, onRequest: (req: DemoRequest, res: DemoResponse) => void,
): Promise<Listening> {
  const tls = options.tls ? demoTlsCredentials() : null;
  const server = tls ? createSecureServer({ allowHTTP1: true, key: tls.key, cert: tls.cert }, onRequest) : createServer(onRequest);
  // Every connection, so close() can end them (http2 servers have no closeAllConnections; sessions keep them open).
  const sockets = new Set<{ destroy(): void }>();
  server.on(tls ? 'secureConnection' : 'connection', (socket: { destroy(): void; once(e: 'close', f: () => void): void }) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${address.port}`,
    port: address.port,
    certificate: tls?.cert ?? null,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}

/** Timers for injected latency, all cancelled when the server closes (so close() never waits on a sleeping answer). */
export class Sleeper {
  private readonly pending = new Set<NodeJS.Timeout>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.add(timer);
    });
  }

  cancelAll(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
