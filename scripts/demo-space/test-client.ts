/**
 * A tiny HTTP client for the demo server's own tests: real requests over loopback, no stubs.
 */
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

/** Percent-encodes a `$fields` value for a query string. */
export const fieldsParam = (fields: string): string => `$fields=${encodeURIComponent(fields)}`;

export interface BatchJson<T> {
  next: string;
  totalCount: number;
  data: T[];
}
