/**
 * Keystroke → directory groups painted, from what the popup's probe recorded (directory.ts installDirectoryProbe);
 * pure, so it is tested on its own.
 */
import { DIRECTORY_KINDS } from '../../src/shared/directory.ts';

export interface ProbeState {
  keys: { at: number; value: string }[];
  out: { at: number; type: string; id: unknown; query: string | null }[];
  groups: { at: number; id: unknown; kind: string; items: number; cached: boolean; paint: number }[];
}

const DIRECTORY = new Set<string>(DIRECTORY_KINDS);

/** Keydown → the frame painting the last directory kind's first group for exactly that text; NaN: never painted. */
export function keystrokeLatencies(s: ProbeState): { all: number[]; last: number[]; painted: number; keystrokes: number } {
  const all: number[] = [];
  const last: number[] = [];
  let painted = 0;
  s.keys.forEach((key, i) => {
    if (key.value.trim() === '') return;
    const next = s.keys[i + 1];
    const isLast = next === undefined || next.value.length < key.value.length;
    const ids = new Set(s.out.filter((m) => m.at >= key.at && m.query === key.value).map((m) => m.id));
    const firsts = new Map<string, number>();
    for (const g of s.groups) {
      if (ids.has(g.id) && DIRECTORY.has(g.kind) && !firsts.has(g.kind) && g.paint >= 0) firsts.set(g.kind, g.paint);
    }
    const latency = firsts.size === DIRECTORY_KINDS.length ? Math.max(...firsts.values()) - key.at : Number.NaN;
    if (Number.isFinite(latency)) {
      painted += 1;
      all.push(latency);
    }
    if (isLast) last.push(latency);
  });
  return { all, last, painted, keystrokes: s.keys.filter((k) => k.value.trim() !== '').length };
}

