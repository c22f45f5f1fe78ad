/**
 * The request core's tests (http*.test.ts) against a real HTTP server on 127.0.0.1, scripted per test: set
 * `state.handler`, read what arrived in `state.seen`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { beforeEach } from 'vitest';
import { SpaceHttp, type HttpOptions } from '../http.ts';
import { Reader } from '../parse.ts';
import { useScriptedServer } from './scripted-server.ts';

export const TOKEN = 'tok_SENTINEL_123';

export type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function spaceError(res: ServerResponse, status: number, error: string, description: string, headers: Record<string, string> = {}): void {
  json(res, status, { error, error_description: description }, headers);
}

/** The first bytes of each picture type, which is all `imageTypeOf` reads. */
export const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
export const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10];
export const GIF = [...Buffer.from('GIF89a'), 1, 0];
export const WEBP = [...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')];

export const readId = (json: unknown) => Reader.of(json).id('id');

export interface Flags {
  on404?: 'not-found' | 'unsupported';
  onInvalid?: 'invalid-request' | 'not-found';
  signal?: AbortSignal;
}

/** The scripted server (answering `{id:'x'}` until a test says otherwise) and a request core pointed at it. */
export function useScriptedHttp() {
  const state: { handler: Handler; seen: Seen[] } = { handler: () => undefined, seen: [] };
  const local = useScriptedServer((req, res) => {
    state.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    state.handler(req, res, state.seen.length);
  });
  beforeEach(() => {
    state.seen = [];
    state.handler = (_req, res) => json(res, 200, { id: 'x' });
  });

  function makeHttp(overrides: Partial<HttpOptions> = {}): SpaceHttp {
    return new SpaceHttp({
      origin: local.origin,
      token: TOKEN,
      fetch: globalThis.fetch,
      timeoutMs: 2000,
      retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 3000 },
      maxBodyBytes: 64 * 1024,
      random: () => 1,
      ...overrides,
    });
  }

  function getId(http = makeHttp(), extra: Flags = {}) {
    return http.getJson({
      path: '/projects/key:ABC/planning/issues/key:ABC-T-1', fields: 'id,title', op: 'issue', subject: 'ABC-T-1', ...extra,
    }, readId);
  }

  return { state, local, makeHttp, getId };
}
