/**
 * A tiny HTTP client for the demo server's own tests: real requests over loopback, no stubs. `api` speaks plain
 * HTTP/1.1 (fetch); `connectH2`/`h2Request` speak HTTP/2 over TLS to a `tls: true` server.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { connect, constants, type ClientHttp2Session } from 'node:http2';
import { takeContractViolations } from '../contract/log.ts';
import type { DemoServer } from './server.ts';

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else null. */
  json: T;
  text: string;
}

/** GET (or `method`) `/api/http` + `path` with the server's token unless `token` is given (null: no header). */
export async function api<T = unknown>(
  server: DemoServer, path: string, options: { token?: string | null; method?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const token = options.token === undefined ? server.token : options.token;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}/api/http${path}`, { method: options.method ?? 'GET', headers });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: response.status, headers: response.headers, json: (isJson && text !== '' ? JSON.parse(text) : null) as T, text };
}

/**
 * For a test that sends Space something its published API does not allow, on purpose (to see how the demo
 * answers bad input): takes the contract violations those requests caused, so the contract setup does not fail
 * the test for them, and returns their kinds for the test to assert on.
 */
export function takeViolationKinds(): string[] {
  return takeContractViolations().map((v) => v.kind);
}

/** Percent-encodes a `$fields` value for a query string. */
export const fieldsParam = (fields: string): string => `$fields=${encodeURIComponent(fields)}`;

export interface BatchJson<T> {
  next: string;
  totalCount: number;
  data: T[];
}

export interface H2Answer<T = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, else null. */
  json: T;
  text: string;
}

/**
 * An HTTP/2 connection to a `tls` demo server that trusts the demo certificate for this connection only.
 * Resolves once TLS and ALPN are done, so `alpnProtocol` tells what was negotiated.
 */
export function connectH2(server: DemoServer, origin = server.url): Promise<ClientHttp2Session> {
  if (server.certificate === null) throw new TypeError('not a TLS demo server');
  return new Promise((resolve, reject) => {
    const session = connect(origin, { ca: server.certificate! });
    session.once('error', reject);
    session.once('connect', () => {
      session.off('error', reject);
      // A connection lost later (e.g. the server closed) fails the requests on it; each reports that itself.
      session.on('error', () => {});
      resolve(session);
    });
  });
}

/**
 * One request on `session` (a path under /api/http unless it starts with `/__demo` or `/d/`), with the server's
 * token unless `token` is given (null: none). Rejects when the stream is reset; the error carries `rstCode`.
 */
export function h2Request<T = unknown>(
  session: ClientHttp2Session, server: DemoServer, path: string,
  options: { token?: string | null; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<H2Answer<T>> {
  const token = options.token === undefined ? server.token : options.token;
  const fullPath = /^\/(__demo|d)\//.test(path) ? path : `/api/http${path}`;
  const headers: OutgoingHttpHeaders = { ':method': options.method ?? 'GET', ':path': fullPath, accept: 'application/json', ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const stream = session.request(headers, { endStream: options.body === undefined });
    if (options.body !== undefined) stream.end(options.body);
    let response: IncomingHttpHeaders | null = null;
    const chunks: Buffer[] = [];
    stream.on('response', (h) => { response = h; });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (error: Error) => reject(Object.assign(error, { rstCode: stream.rstCode })));
    stream.on('close', () => {
      if (response === null || stream.rstCode !== constants.NGHTTP2_NO_ERROR) {
        reject(Object.assign(new Error(`stream closed without an answer (RST_STREAM ${stream.rstCode})`), { rstCode: stream.rstCode }));
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const isJson = String(response['content-type'] ?? '').startsWith('application/json');
      resolve({ status: Number(response[':status']), headers: response, json: (isJson && text !== '' ? JSON.parse(text) : null) as T, text });
    });
  });
}
