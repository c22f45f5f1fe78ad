/**
 * A failure as the fuzz prints it: the error first, then the counterexample abbreviated — a 100 kB string, a page
 * of 5,000 items or 1,500 levels of nesting would bury the line that matters. The full value is replayed with
 * `--path`, not printed.
 */
import fc from 'fast-check';

export function preview(value: unknown, depth = 0): string {
  if (depth > 12) return '…';
  if (typeof value === 'string') {
    const shown = value.length > 300 ? `${value.slice(0, 200)}…(${value.length} chars)` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'bigint') return `${value}n`;
  // `fc.gen()`'s value lists what the run drew (a generated Space's answers); shown like any long text.
  if (typeof value === 'function') return fc.hasToStringMethod(value) ? preview(value[fc.toStringMethod](), depth) : '[function]';
  if (typeof value === 'symbol' || value === undefined) return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, 8).map((v) => preview(v, depth + 1));
    if (value.length > 8) items.push(`…(${value.length} items)`);
    return `[${items.join(',')}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  const tag = proto === null ? '[null prototype]' : proto === Object.prototype ? '' : `${(value as object).constructor?.name ?? '?'} `;
  const keys = Reflect.ownKeys(value);
  const entries = keys.slice(0, 16).map((k) => {
    const d = Object.getOwnPropertyDescriptor(value, k)!;
    const shown = 'value' in d ? preview(d.value, depth + 1) : '[accessor]';
    return `${typeof k === 'symbol' ? k.toString() : JSON.stringify(k)}:${shown}`;
  });
  if (keys.length > 16) entries.push(`…(${keys.length} keys)`);
  return `${tag}{${entries.join(',')}}`;
}

/** The error of a failed run, then what produced it. */
export function failureReport(error: unknown, counterexample: unknown, runsBeforeFailure: number, shrinks: number): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `\n  caused by: ${error.cause.stack ?? error.cause.message}` : '';
  const shown = text.length > 3_000 ? `${text.slice(0, 3_000)}…` : text;
  return `  failed at run ${runsBeforeFailure}, shrunk ${shrinks} time(s)\n  ${shown.replaceAll('\n', '\n  ')}${cause}\n  input: ${preview(counterexample)}`;
}
