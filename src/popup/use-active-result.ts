/**
 * Which result is active (what Enter opens, whose card shows): remembered by key (nav.ts), so it stays on the same
 * item while groups arrive around it, and mirrored in a ref so two keys pressed before a re-render both count
 * (key repeat).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entity } from '../shared/kinds.ts';
import { activeIndexFor, type NavMove } from './nav.ts';
import type { moveActive as MoveActive } from './nav-move.ts';
import { entityKey } from '../shared/kinds.ts';

export interface ActiveResult {
  /** Index into the listed results; -1 for none. */
  index: number;
  entity: Entity | null;
  /** The active entity now, keys pressed since the last render included. */
  current(): Entity | null;
  /** Makes the result at `index` active (pointer). */
  point(index: number): void;
  /** False when there is nothing to move through. `moveActive` (nav-move.ts) comes with the keys, in the extras. */
  move(move: NavMove, moveActive: typeof MoveActive): boolean;
  /** Back to "the first result" (a new search). */
  reset(): void;
}

/** `exact`: a key query resolved to one item, which becomes the active result. */
export function useActiveResult(listed: readonly Entity[], exact: Entity | null): ActiveResult {
  const [activeKey, setActiveKeyState] = useState<string | null>(null);
  const activeKeyRef = useRef<string | null>(null);
  const setActiveKey = (key: string | null) => {
    activeKeyRef.current = key;
    setActiveKeyState(key);
  };
  const keys = useMemo(() => listed.map(entityKey), [listed]);
  useEffect(() => {
    if (exact) setActiveKey(entityKey(exact));
  }, [exact]);

  const index = activeIndexFor(keys, activeKey);
  return {
    index,
    entity: index >= 0 ? listed[index] ?? null : null,
    current: () => listed[activeIndexFor(keys, activeKeyRef.current)] ?? null,
    point: (i) => setActiveKey(keys[i] ?? null),
    move(move, moveActive) {
      if (keys.length === 0) return false;
      setActiveKey(keys[moveActive(activeIndexFor(keys, activeKeyRef.current), keys.length, move)] ?? null);
      return true;
    },
    reset: () => setActiveKey(null),
  };
}
