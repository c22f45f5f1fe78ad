import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { connectLookup, type LookupClient } from '../shared/messaging.ts';
import type { Filter } from '../shared/kinds.ts';
import { isPrivateWindow } from './private-window.ts';
import { messageReceived, searchCleared, searchSent, type ResultsState } from './results.ts';

/** Between keystrokes; the worker also cancels whatever a newer search makes stale. */
const DEBOUNCE_MS = 150;

export interface Lookup {
  results: ResultsState;
  /** Schedules a search (debounced unless `now`); the newest call wins. */
  search(query: string, filter: Filter, now?: boolean): void;
  /** Sends a scheduled search at once; true when one was waiting. */
  flush(): boolean;
}

export function useLookup(initial: ResultsState): Lookup {
  const [results, setResults] = useState(initial);
  const client = useRef<LookupClient | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduled = useRef<(() => void) | null>(null);

  // The port opens with the first search (possibly before effects have run), and closes with the popup.
  const lookup = () => (client.current ??= connectLookup(
    (message) => setResults((s) => messageReceived(s, message)),
    { private: isPrivateWindow() },
  ));
  useEffect(() => () => {
    clearTimeout(timer.current);
    client.current?.close();
  }, []);

  const search = useCallback((query: string, filter: Filter, now = false) => {
    clearTimeout(timer.current);
    scheduled.current = null;
    const empty = query.trim() === '';
    const run = () => {
      // An empty search is still sent: it cancels whatever is in flight for the old text.
      const id = lookup().search(query, filter);
      setResults((s) => (empty ? searchCleared(s, id) : searchSent(s, id)));
    };
    if (now || empty) {
      run();
      return;
    }
    scheduled.current = run;
    timer.current = setTimeout(() => {
      scheduled.current = null;
      run();
    }, DEBOUNCE_MS);
  }, []);

  const flush = useCallback(() => {
    const run = scheduled.current;
    if (!run) return false;
    clearTimeout(timer.current);
    scheduled.current = null;
    run();
    return true;
  }, []);

  return { results, search, flush };
}
