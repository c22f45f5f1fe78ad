/**
 * Fault injection for tests and benchmarks: per path prefix, the demo server can add latency, answer with an
 * error status, send malformed or oversized JSON, or drop the connection.
 */

export const FAULT_STATUSES = [400, 401, 403, 404, 429, 500, 502, 503] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export interface FaultSpec {
  /** Added delay before answering. */
  latencyMs?: number;
  /** Answer with this status and a Space error body. */
  status?: FaultStatus;
  /**
   * With `status`: the error body has another shape than Space's `{error, error_description}` — `{"message": …}`, as
   * a framework or a proxy would send. A public Space client notes that an unknown project's 404 "uses a different
   * shape" [U]: this is how the demo plays it (issue 15, item 5).
   */
  otherShape?: boolean;
  /** Retry-After header value with 429/503 (seconds or HTTP date). */
  retryAfter?: string;
  /** For 403: a permission named in error_description, e.g. 'Project.Issues.View'. */
  permission?: string;
  /** 200 with invalid JSON. */
  malformed?: boolean;
  /** 200 with a valid JSON body of at least this many bytes. */
  oversizedBytes?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /**
   * A 200 whose first element (of a batch's `data`, or of a plain array) keeps only its `id`: an item missing its
   * required fields, as in "an issue whose `status` came back as `{id}`" (issue 15, item 7). The rest is untouched.
   */
  unreadableFirst?: boolean;
  /** Apply only to the next N matching requests (default: until cleared). */
  times?: number;
}

/** Checks a fault that arrived as JSON (control API); throws TypeError naming the bad property. */
export function parseFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('fault must be an object');
  const input = value as Record<string, unknown>;
  const known = new Set(['latencyMs', 'status', 'retryAfter', 'permission', 'malformed', 'oversizedBytes', 'drop', 'unreadableFirst', 'otherShape', 'times']);
  for (const key of Object.keys(input)) if (!known.has(key)) throw new TypeError(`unknown fault property '${key}'`);
  const spec: FaultSpec = {};
  const count = (key: string, min: number, max: number): number | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new TypeError(`${key} must be an integer in [${min}, ${max}]`);
    return v;
  };
  const flag = (key: string): boolean | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new TypeError(`${key} must be a boolean`);
    return v;
  };
  const text = (key: string): string | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.length > 200 || /[\r\n]/.test(v)) throw new TypeError(`${key} must be a single-line string`);
    return v;
  };
  const latencyMs = count('latencyMs', 0, 600_000);
  const oversizedBytes = count('oversizedBytes', 1, 512 * 1024 * 1024);
  const times = count('times', 1, 1_000_000);
  if (input.status !== undefined) {
    if (!(FAULT_STATUSES as readonly unknown[]).includes(input.status)) throw new TypeError(`status must be one of ${FAULT_STATUSES.join(', ')}`);
    spec.status = input.status as FaultStatus;
  }
  const retryAfter = text('retryAfter');
  const permission = text('permission');
  const malformed = flag('malformed');
  const drop = flag('drop');
  const unreadableFirst = flag('unreadableFirst');
  const otherShape = flag('otherShape');
  if (latencyMs !== undefined) spec.latencyMs = latencyMs;
  if (oversizedBytes !== undefined) spec.oversizedBytes = oversizedBytes;
  if (times !== undefined) spec.times = times;
  if (retryAfter !== undefined) spec.retryAfter = retryAfter;
  if (permission !== undefined) spec.permission = permission;
  if (malformed !== undefined) spec.malformed = malformed;
  if (drop !== undefined) spec.drop = drop;
  if (unreadableFirst !== undefined) spec.unreadableFirst = unreadableFirst;
  if (otherShape !== undefined) spec.otherShape = otherShape;
  return spec;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number | null;
}

/**
 * Faults keyed by path prefix (relative to /api/http; `/d` for attachments). A prefix matches whole segments:
 * `/team-directory/profiles` matches `/team-directory/profiles/me` but not `/team-directory/profiles-x`.
 * A prefix ending in `$` matches only that exact path. `*` matches everything. The most specific match wins.
 */
export class FaultRegistry {
  private readonly faults = new Map<string, ActiveFault>();

  set(pathPrefix: string, spec: FaultSpec): void {
    if (pathPrefix !== '*' && !pathPrefix.startsWith('/')) throw new TypeError("pathPrefix must start with '/' or be '*'");
    const checked = parseFaultSpec(spec);
    this.faults.set(pathPrefix, { spec: checked, remaining: checked.times ?? null });
  }

  clear(): void {
    this.faults.clear();
  }

  /** The fault for `path`, if any; uses up one of its `times`. */
  take(path: string): FaultSpec | null {
    let best: [string, ActiveFault] | null = null;
    for (const entry of this.faults) {
      const [prefix] = entry;
      if (!matches(prefix, path)) continue;
      if (!best || specificity(prefix) > specificity(best[0])) best = entry;
    }
    if (!best) return null;
    const [prefix, fault] = best;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults.delete(prefix);
    }
    return fault.spec;
  }
}

function matches(prefix: string, path: string): boolean {
  if (prefix === '*') return true;
  if (prefix.endsWith('$')) return path === prefix.slice(0, -1);
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === base || path.startsWith(`${base}/`);
}

function specificity(prefix: string): number {
  return prefix === '*' ? -1 : prefix.length + (prefix.endsWith('$') ? 10_000 : 0);
}

/** `unreadableFirst`: the answer with its first element cut down to `{id}` (a copy; the answer itself is kept). */
export function withUnreadableFirst(answer: unknown): unknown {
  const cut = (list: unknown[]): unknown[] => {
    const [first, ...rest] = list;
    if (typeof first !== 'object' || first === null || Array.isArray(first)) return list;
    const { id } = first as { id?: unknown };
    return [id === undefined ? {} : { id }, ...rest];
  };
  if (Array.isArray(answer)) return cut(answer);
  if (typeof answer === 'object' && answer !== null && Array.isArray((answer as { data?: unknown }).data)) {
    return { ...answer, data: cut((answer as { data: unknown[] }).data) };
  }
  return answer;
}
