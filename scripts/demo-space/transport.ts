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
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants as h2, Http2ServerRequest, type Http2ServerResponse } from 'node:http2';

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
