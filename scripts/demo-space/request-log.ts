/**
 * The request log: every API, attachment and `/oauth/…` request the server received, in arrival order, with what it
 * answered (`DemoServer.requests`, `GET /__demo/requests`). Tests and the benchmark read it to count requests,
 * check headers and measure latency.
 */
import type { QueryParams } from './router.ts';
import { connectionOf, wireProtocol, type DemoRequest, type WireProtocol } from './transport.ts';

export interface RecordedRequest {
  method: string;
  /** Percent-decoded path, e.g. `/api/http/team-directory/profiles/me` or `/d/2asfen24Jx6u`. */
  path: string;
  query: Record<string, string[]>;
  authorization: string | null;
  /** Arrival time, epoch ms. */
  at: number;
  /** When the answer was handed to the connection (after any latency), epoch ms; 0 while pending or when dropped. */
  answeredAt: number;
  /** Response body bytes (0 when dropped). */
  bytesSent: number;
  /** 0 while pending or when the connection was dropped. */
  status: number;
  /** 'h2' when the client negotiated HTTP/2 (TLS server only), else 'http/1.1'. */
  protocol: WireProtocol;
  /** Which connection carried it: 1 for the server's first connection, 2 for the next… */
  connection: number;
}

export class RequestLog {
  /** The live log: emptied in place by clear(), so callers holding it keep seeing new entries. */
  readonly entries: RecordedRequest[] = [];
  /** Connection numbers, in order of each connection's first request. */
  private readonly connectionNumbers = new WeakMap<object, number>();
  private connectionCount = 0;

  /** Logs a request as it arrives; the pipeline fills in status, bytes and answeredAt as it answers. */
  record(req: DemoRequest, decodedPath: string, query: QueryParams): RecordedRequest {
    const entry: RecordedRequest = {
      method: req.method ?? 'GET', path: decodedPath, query: query.toRecord(),
      authorization: req.headers.authorization ?? null, at: Date.now(), answeredAt: 0, bytesSent: 0, status: 0,
      protocol: wireProtocol(req), connection: this.connectionNumber(req),
    };
    this.entries.push(entry);
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
  }

  private connectionNumber(req: DemoRequest): number {
    const key = connectionOf(req);
    let n = this.connectionNumbers.get(key);
    if (n === undefined) {
      n = ++this.connectionCount;
      this.connectionNumbers.set(key, n);
    }
    return n;
  }
}
