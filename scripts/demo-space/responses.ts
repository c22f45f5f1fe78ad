/**
 * Writing responses the way Space does: JSON with `charset=utf-8`, `vary: Origin`, the security headers seen
 * on Space responses (space-api.md §5, DOC personal-token-authorization.html), and no CORS headers at all.
 */
import type { DemoResponse } from './transport.ts';
import type { SpaceErrorCode } from './wire.ts';

/** What the server learns about each answer, for the request log. */
export interface ResponseRecord {
  status: number;
  bytesSent: number;
}

/**
 * [C] seen on a Space 200 response, plus `nosniff` (not documented for Space; it keeps browsers from sniffing
 * hostile strings in text answers as HTML). Space's CORS policy is [U]; the demo sends no Access-Control-* header.
 */
const SPACE_HEADERS: Record<string, string> = {
  vary: 'Origin',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

export function sendBytes(
  res: DemoResponse, record: ResponseRecord, status: number, body: Uint8Array, contentType: string | null,
  extraHeaders: Record<string, string> = {},
): void {
  record.status = status;
  record.bytesSent = body.length;
  const headers: Record<string, string | number> = { ...SPACE_HEADERS, ...extraHeaders, 'content-length': body.length };
  if (contentType) headers['content-type'] = contentType;
  res.writeHead(status, headers);
  res.end(body);
}

export function sendJsonText(res: DemoResponse, record: ResponseRecord, status: number, json: string, extraHeaders: Record<string, string> = {}): void {
  sendBytes(res, record, status, Buffer.from(json, 'utf8'), 'application/json; charset=utf-8', extraHeaders);
}

/** `{"error": code, "error_description": text}` ([C] keys, NET SpaceError / KT). */
export function sendSpaceError(
  res: DemoResponse, record: ResponseRecord, status: number, code: SpaceErrorCode, description: string,
  extraHeaders: Record<string, string> = {},
): void {
  sendJsonText(res, record, status, JSON.stringify({ error: code, error_description: description }), extraHeaders);
}

export function sendText(res: DemoResponse, record: ResponseRecord, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  sendBytes(res, record, status, Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8', extraHeaders);
}

/**
 * Streams a large body without content-length (chunked over HTTP/1.1, plain DATA frames over HTTP/2), so clients
 * must count bytes as they read.
 */
export function sendChunkedJson(res: DemoResponse, record: ResponseRecord, json: string): void {
  // What both transports' responses offer (a union of their overloaded methods is not callable as such).
  const out: { write(chunk: Uint8Array): boolean; end(): void; once(event: 'drain', listener: () => void): void } = res;
  const body = Buffer.from(json, 'utf8');
  record.status = 200;
  record.bytesSent = body.length;
  res.writeHead(200, { ...SPACE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  const CHUNK = 64 * 1024;
  let offset = 0;
  const pump = (): void => {
    while (offset < body.length) {
      const slice = body.subarray(offset, offset + CHUNK);
      offset += slice.length;
      if (!out.write(slice)) {
        out.once('drain', pump);
        return;
      }
    }
    out.end();
  };
  pump();
}
