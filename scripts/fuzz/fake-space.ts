/**
 * A Space that answers every request with a generated answer: a `fetch` for `createSpaceClient` whose bodies come
 * from the run's `fc.gen()`, so a failing run replays exactly. The body is shaped by the request's own `$fields`:
 * the mutated demo answer for that selection (a kind's request: kind-answers.ts), or the mutated answer of the mapper
 * target that asks with it, or a `$fields`-shaped value; now and then an odd status, content type or a body that is
 * not JSON at all. `loadAnswers()` must have run first (it records the demo's answers once per process).
 */
import fc from 'fast-check';
import { parseFields } from './fields-shape.ts';
import { answers, junk, poolOf, type Json, type ValuePool } from './json.ts';
import { kindRecording } from './kind-answers.ts';
import { MAPPER_TARGETS } from './mapper-targets.ts';

export type Gen = fc.GeneratorValue;

let templates: ReadonlyMap<string, Json> | null = null;
let pool: ValuePool = new Map();
const bySelection = new Map<string, fc.Arbitrary<Json>>();

/** Records the kinds' answers from the demo server (once per process) for `answersFor`. */
export async function loadAnswers(): Promise<void> {
  if (templates) return;
  const recorded = (await kindRecording()).templates;
  const all = new Map<string, Json>(MAPPER_TARGETS.flatMap((t) => (t.fields === null ? [] : [[t.fields, t.template] as const])));
  for (const [fields, json] of recorded) all.set(fields, json);
  pool = poolOf([...all.values()]);
  templates = all;
}

/** The answers fuzzed for a request that sent `fields` (cached: arbitraries are built once per selection). */
export function answersFor(fields: string | null): fc.Arbitrary<Json> {
  if (!templates) throw new Error('fake-space.ts: await loadAnswers() before generating answers');
  const key = fields ?? '';
  let arb = bySelection.get(key);
  if (!arb) {
    const template = fields === null ? undefined : templates.get(fields);
    arb = fields === null ? junk : answers(template ?? null, parseFields(fields), pool);
    bySelection.set(key, arb);
  }
  return arb;
}

const statusArb = fc.oneof(
  { weight: 20, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.constantFrom(201, 204, 301, 302, 400, 401, 403, 404, 409, 429, 500, 502, 503) },
);
const contentTypeArb = fc.oneof(
  { weight: 20, arbitrary: fc.constant('application/json; charset=UTF-8') },
  { weight: 1, arbitrary: fc.constantFrom('text/html', 'application/octet-stream', '', 'application/json', 'image/png') },
);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const imageArb = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((rest) => new Uint8Array([...PNG, ...rest])),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(new Uint8Array([0xff, 0xd8, 0xff])),
  fc.constant(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
);
const textBodyArb = fc.oneof(
  fc.constantFrom('', '{', '<html><body>Space</body></html>', 'null', '[]', '{"data":', '\u0000', 'not json'),
  fc.string({ maxLength: 40 }),
);

export interface SpaceCall {
  url: string;
  status: number;
}

/**
 * `fetch` answering from generated values; `calls` records every request. Only URLs on `origin` are answered:
 * anything else is a network failure, so the fuzz never reaches out.
 */
export function generatedSpace(g: Gen, origin: string): { fetch: typeof fetch; calls: SpaceCall[] } {
  const calls: SpaceCall[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== origin) throw new TypeError('fetch failed');
    if (init?.signal?.aborted) throw init.signal.reason ?? new DOMException('aborted', 'AbortError');
    const status = g(() => statusArb);
    calls.push({ url: url.href, status });
    const headers = new Headers({ 'content-type': g(() => contentTypeArb) });
    if (status === 204 || status === 301 || status === 302) {
      if (status !== 204) headers.set('location', `${origin}/elsewhere`);
      return new Response(null, { status, headers });
    }
    if (url.pathname.startsWith('/d/')) return new Response(g(() => imageArb), { status, headers });
    if (status === 429) headers.set('retry-after', '0');
    const body = g(() => fc.oneof(
      { weight: 12, arbitrary: answersFor(url.searchParams.get('$fields')).map((json) => JSON.stringify(json)) },
      { weight: 1, arbitrary: textBodyArb },
    ));
    return new Response(body, { status, headers });
  };
  return { fetch: fakeFetch as typeof fetch, calls };
}
