import { useEffect, useRef, useState } from 'preact/hooks';
import { connectLookup, type LookupClient } from '../shared/messaging.ts';
import type { Filter } from '../shared/kinds.ts';
import { isPrivateWindow } from './private-window.ts';
import { loadExtras } from './load-extras.ts';
import { searchCleared, searchSent, type ResultsState } from './results.ts';

export interface Lookup {
  results: ResultsState;
  /**
   * Sends a search at once, every keystroke (issue 16): the worker answers the directory kinds from its local copy
   * immediately; `typing` (a keystroke) lets it wait for a pause before asking Space, anything else (the query the
   * popup opened on, a chip, Retry) asks Space at once. A newer search cancels the older one on the port.
   */
  search(query: string, filter: Filter, typing?: boolean): void;
  /**
   * True when the answer to the latest search is still to come (Enter pressed before it): a keystroke's search that
   * has not answered yet is sent again as a whole query, so the worker asks Space without waiting for a pause.
   */
  flush(): boolean;
}

export function useLookup(initial: ResultsState): Lookup {
  const [results, setResults] = useState(initial);
  const client = useRef<LookupClient | null>(null);
  const sent = useRef<{ id: number; query: string; filter: Filter; typing: boolean } | null>(null);

  // The port opens right after the first frame — or with the first search, should that come before effects have run —
  // and closes with the popup. Opening it tells the worker to load its local directory (port.ts, warmDirectory),
  // which a stopped worker (30 s idle) must read back from IndexedDB: that happens while the user starts typing,
  // not after the first keystroke. An answer
  // is applied by the reducer that comes with the extras (search-answer.ts), loaded right after the first frame and
  // long before the worker answers; answers wait on one promise, so they are applied in the order they came.
  const lookup = () => (client.current ??= connectLookup(
    (message) => void loadExtras().then(({ messageReceived }) => setResults((s) => messageReceived(s, message))),
    { private: isPrivateWindow() },
  ));
  useEffect(() => {
    lookup().connect();
    return () => client.current?.close();
  }, []);

  // Neither is a hook dependency anywhere: made anew each render, `flush` compares with the state of that render.
  const search = (query: string, filter: Filter, typing = false) => {
    // An empty search is still sent: it cancels whatever is in flight for the old text.
    const id = lookup().search(query, filter, typing);
    sent.current = { id, query, filter, typing };
    setResults((s) => (query.trim() === '' ? searchCleared(s, id) : searchSent(s, id)));
  };

  const flush = () => {
    const last = sent.current;
    if (last === null) return false;
    if (last.id !== results.searchId) return true;
    if (results.shownId === last.id) return false;
    if (last.typing) search(last.query, last.filter);
    return true;
  };

  return { results, search, flush };
}
