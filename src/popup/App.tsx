import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { authProblem } from '../shared/auth-problem.ts';
import { t } from '../shared/i18n.ts';
import type { Filter } from '../shared/kinds.ts';
import { LIMITS, type AppError, type ConnectionStatus, type ResponseFor } from '../shared/protocol.ts';
import { effectiveFilter } from '../shared/query-text.ts';
import { FilterChips } from './components/FilterChips.tsx';
import { LISTBOX_ID, optionId, ResultList } from './components/ResultList.tsx';
import { FILTERS } from './filters.ts';
import { optionKey, resultGroups, type ResultsState } from './results.ts';
import type * as Extras from './extras.ts';
import { useActiveResult } from './use-active-result.ts';
import { useKeyboardCommands } from './use-keyboard-commands.ts';
import { useLookup } from './use-lookup.ts';
import { useNotices } from './use-notices.ts';

export interface Boot {
  query: string;
  filter: Filter;
  /** Painted in the first frame (last view), refreshed right after. */
  results: ResultsState;
  /** Started before the first render; the worker may take a moment to wake. */
  status: Promise<ResponseFor<'status'>>;
}

declare global {
  interface Window {
    /** Read by the benchmark: when the first frame with content was painted. */
    __firstRenderMs?: number;
  }
}

export function App({ boot }: { boot: Boot }) {
  const [query, setQuery] = useState(boot.query);
  const [filter, setFilter] = useState<Filter>(boot.filter);
  const [listMode, setListMode] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { results, search, flush } = useLookup(boot.results);
  const { conn, connError, origin } = useConnection(boot.status);
  const extras = useExtras();
  const { notice, say, open, copy } = useNotices(origin);

  const shown = effectiveFilter(query, filter);
  const groups = useMemo(() => resultGroups(results, shown), [results, shown]);
  const listed = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const active = useActiveResult(listed, results.exact);
  // What a finished search says beyond its rows comes with the extras (search-outcome.ts), after the first frame.
  const failure = useMemo(() => extras?.searchFailure(results, shown) ?? null, [extras, results, shown]);
  /** Enter pressed before the results for the current query arrived: open the top result once they do. */
  const deferredOpen = useRef<{ background: boolean } | null>(null);

  const runQuery = (next: string, f: Filter, now = false) => {
    active.reset();
    setListMode(false);
    search(next, effectiveFilter(next, f), now);
  };
  const typed = (next: string, now = false) => {
    setQuery(next);
    runQuery(next, filter, now);
    input.current?.focus();
  };
  /** The same query and filter again, at once; the box keeps the focus (the Retry button goes away). */
  const retry = () => typed(input.current?.value ?? query, true);
  const chooseFilter = (f: Filter) => {
    setFilter(f);
    runQuery(query, f, true);
  };
  const copyFromActive = async (what: 'link' | 'key' | 'email') => {
    const entity = active.current();
    if (!entity || !extras) return;
    const value = extras.valueToCopy(entity, what, what === 'link' ? await origin() : null);
    if (value) await copy(value);
    else say(t('popup_nothingToCopy'));
  };

  // First frame: mark it for the benchmark, then refresh what was painted from the last view.
  useEffect(() => {
    requestAnimationFrame(() => {
      window.__firstRenderMs = performance.now();
      document.body.dataset.ready = 'true';
    });
    input.current?.focus();
    if (boot.query.trim() !== '') search(boot.query, effectiveFilter(boot.query, boot.filter), true);
  }, []);

  // A context-menu query that lands after the popup opened replaces what is in the box.
  const pendingHandler = useRef(typed);
  pendingHandler.current = typed;
  useEffect(() => extras?.watchPendingQuery((q) => pendingHandler.current(q, true)), [extras]);

  // Open the top result as soon as the search that Enter was waiting for has answered.
  useEffect(() => {
    const pending = deferredOpen.current;
    if (!pending || results.shownId !== results.searchId || results.phase !== 'done') return;
    deferredOpen.current = null;
    const target = results.exact ?? listed[0];
    if (target) void open(target, pending.background);
  }, [results]);

  useKeyboardCommands(input, listMode, {
    move(move) {
      const moved = active.move(move);
      if (moved) setListMode(true);
      return moved;
    },
    open(background) {
      // The box itself, not state: Enter may follow the last keystroke before any re-render.
      if ((input.current?.value ?? '').trim() === '') return false;
      const stale = flush() || results.shownId !== results.searchId;
      const entity = active.current();
      if (stale) deferredOpen.current = { background };
      else if (entity) void open(entity, background);
      // Nothing to open because the search could not run: Enter tries again, like the Retry button.
      else if (failure) retry();
      return true;
    },
    copy(what) {
      void copyFromActive(what);
      return true;
    },
    filter(index) {
      const f = FILTERS[index];
      if (f === undefined) return false;
      chooseFilter(f);
      return true;
    },
    escape() {
      if (query !== '') typed('', true);
      else window.close();
      return true;
    },
  });

  const notConfigured = conn?.configured === false || results.fail?.code === 'not-configured';
  if (notConfigured) {
    return <main class="popup">{extras && <extras.NotConfigured refused={conn?.refused !== undefined} />}</main>;
  }

  const host = conn?.host ?? null;
  const pageError = results.fail ?? authProblem(conn) ?? connError;
  const notes = extras?.groupNotes(results, shown) ?? [];
  const searching = results.phase === 'searching';
  const liveText = notice || (extras?.statusSummary(results, listed.length, query, shown) ?? '');

  return (
    <main class="popup">
      <h1 class="sr-only">{t('popup_heading')}</h1>
      <header class="search">
        <input
          ref={input}
          type="text"
          class="search-input"
          role="combobox"
          aria-label={t('popup_searchLabel')}
          aria-expanded={listed.length > 0}
          aria-controls={LISTBOX_ID}
          aria-autocomplete="list"
          aria-activedescendant={active.index >= 0 ? optionId(active.index) : undefined}
          placeholder={t('popup_searchPlaceholder')}
          value={query}
          maxLength={LIMITS.query}
          autocomplete="off"
          spellcheck={false}
          data-testid="search-input"
          onInput={(e) => {
            const next = e.currentTarget.value;
            deferredOpen.current = null;
            setQuery(next);
            runQuery(next, filter);
          }}
        />
        <span class={searching ? 'progress on' : 'progress'} aria-hidden="true" />
        <FilterChips value={shown} onChange={chooseFilter} />
      </header>

      {pageError && extras && <extras.PageError error={pageError} host={host} onRetry={() => runQuery(query, filter, true)} />}
      {!pageError && failure && extras && <extras.SearchFailure failure={failure} host={host} onRetry={retry} />}

      <div class="body">
        <ResultList groups={groups} active={active.index} onOpen={(e, bg) => void open(e, bg)} onPoint={active.point} />
        {query.trim() === '' && listed.length === 0 && !pageError && <p class="empty muted">{t('popup_emptyHint')}</p>}
        {notes.length > 0 && extras && <extras.GroupNotes notes={notes} host={host} />}
        {active.entity && extras && (
          <extras.CardPane
            key={optionKey(active.entity)}
            entity={active.entity}
            host={host}
            copy={(text) => void copy(text)}
            onOpen={(e, bg) => void open(e, bg)}
            onCopyLink={() => void copyFromActive('link')}
          />
        )}
      </div>

      <p class="status-line" role="status" data-testid="status">{liveText}</p>
      {extras && <extras.KeyHints />}
    </main>
  );
}

/** The connection as the worker reports it (asked before the first render), and its origin once known. */
function useConnection(status: Promise<ResponseFor<'status'>>) {
  const [conn, setConn] = useState<ConnectionStatus | null>(null);
  const [connError, setConnError] = useState<AppError | null>(null);
  useEffect(() => {
    void status.then((answer) => {
      if (answer.ok) setConn(answer.value);
      else setConnError(answer.error);
    });
  }, []);
  const origin = async (): Promise<string | null> => {
    if (conn) return conn.origin;
    const answer = await status;
    return answer.ok ? answer.value.origin : null;
  };
  return { conn, connError, origin };
}

/** Loads the non-first-frame parts (see extras.ts) as soon as the first frame is out. */
function useExtras(): typeof Extras | null {
  const [module, setModule] = useState<typeof Extras | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => void import('./extras.ts').then(setModule), 0);
    return () => clearTimeout(timer);
  }, []);
  return module;
}
