import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { authProblem } from '../shared/auth-problem.ts';
import { t } from '../shared/i18n.ts';
import { entityKey, type Entity, type Filter } from '../shared/kinds.ts';
import { LIMITS, type AppError, type ConnectionStatus, type ResponseFor } from '../shared/protocol.ts';
import { effectiveFilter } from '../shared/query-text.ts';
import { FilterChips } from './components/FilterChips.tsx';
import { LISTBOX_ID, optionId, ResultList, searchGroup } from './components/ResultList.tsx';
import { homeGroups } from './home-groups.ts';
import type { HomeLists } from './home-lists.ts';
import { resultGroups, type ResultsState } from './results.ts';
import type * as Extras from './extras.ts';
import { loadExtras } from './load-extras.ts';
import { useActiveResult } from './use-active-result.ts';
import { useKeyboardCommands } from './use-keyboard-commands.ts';
import { useLookup } from './use-lookup.ts';

export interface Boot {
  query: string;
  filter: Filter;
  /** Painted in the first frame (last view), refreshed right after. */
  results: ResultsState;
  /** Started before the first render; the worker may take a moment to wake. */
  status: Promise<ResponseFor<'status'>>;
  /** The empty box's lists, read from storage before the first render (home-lists.ts). */
  home: HomeLists;
  /**
   * The stored connection's id; null when there is none or in a private window, where nothing is remembered and
   * the Waiting list is not refreshed.
   */
  connection: string | null;
  /**
   * This page is a tab (the context menu's fallback, or opened by hand), not the toolbar popup: it never takes the
   * context menu's hand-over, which is meant for the popup being opened (the tab got its query as `?q=`).
   */
  inTab: boolean;
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
  const [notice, setNotice] = useState('');
  // What is opened or copied goes to Recent (actions.ts); nothing is remembered in a private window. A click may
  // come before the extras have loaded: then they are waited for.
  const remember = boot.connection !== null;
  const openItem = async (entity: Entity, background: boolean) =>
    (await loadExtras()).openEntity(entity, background, await origin(), setNotice, remember);
  const copy = async (text: string, entity: Entity) => (await loadExtras()).copyAndSay(text, setNotice, entity, remember);
  const [home, setHome] = useState(boot.home);

  const shown = effectiveFilter(query, filter);
  const emptyBox = query.trim() === '';
  // The empty box lists Pinned, Waiting for you and Recent in the same listbox as search results.
  const groups = useMemo(
    () => (emptyBox ? homeGroups(home, Date.now(), extras?.relativeTime) : resultGroups(results, shown).map((g) => searchGroup(g, extras?.unreadableText))),
    [emptyBox, home, results, shown, extras],
  );
  const listed = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const active = useActiveResult(listed, results.exact);
  // What a finished search says beyond its rows comes with the extras (search-outcome.ts), after the first frame.
  const failure = useMemo(() => extras?.searchFailure(results, shown) ?? null, [extras, results, shown]);
  /** Enter pressed before the results for the current query arrived: open the top result once they do. */
  const deferredOpen = useRef<Extras.Deferred | null>(null);

  // Every search is sent at once (use-lookup.ts): nothing is debounced on this side. `typing`: a keystroke, for which
  // the worker waits for a pause before asking Space; a query given whole (chip, Retry, Esc) asks at once.
  const runQuery = (next: string, f: Filter, typing = false) => {
    active.reset();
    setListMode(false);
    search(next, effectiveFilter(next, f), typing);
  };
  const typed = (next: string) => {
    setQuery(next);
    runQuery(next, filter);
    input.current?.focus();
  };
  /** The same query and filter again; the box keeps the focus (the Retry button goes away). */
  const retry = () => typed(input.current?.value ?? query);
  const chooseFilter = (f: Filter) => {
    setFilter(f);
    runQuery(query, f);
  };
  // First frame: mark it for the benchmark, then refresh what was painted from the last view.
  useEffect(() => {
    requestAnimationFrame(() => {
      window.__firstRenderMs = performance.now();
      document.body.dataset.ready = 'true';
    });
    input.current?.focus();
    if (boot.query.trim() !== '') search(boot.query, effectiveFilter(boot.query, boot.filter));
  }, []);

  // Waiting for you was painted from storage; refreshed once per open, as soon as the extras are in and the empty
  // box shows it (the worker asks Space, within its limits). A popup opened on a query (restored, context menu)
  // asks only if the box is emptied: its requests would otherwise queue beside the search's on HTTP/1.1's six
  // connections for a list nobody sees. Not in a private window.
  const waitingAsked = useRef(false);
  const boxEmpty = query.trim() === '';
  useEffect(() => {
    if (!extras || !boxEmpty || boot.connection === null || waitingAsked.current) return;
    waitingAsked.current = true;
    void extras.refreshWaiting().then((waiting) => waiting && setHome((h) => ({ ...h, waiting })));
  }, [extras, boxEmpty]);

  // A context-menu query that lands after the popup opened replaces what is in the box.
  const pendingHandler = useRef(typed);
  pendingHandler.current = typed;
  useEffect(() => (boot.inTab ? undefined : extras?.watchPendingQuery((q) => pendingHandler.current(q))), [extras]);

  // Open the top result as soon as the search that Enter was waiting for has answered.
  useEffect(() => extras?.openDeferred(deferredOpen, results, listed, openItem), [results]);

  const host = conn?.host ?? null;
  // What keys and the card's buttons do comes with the extras (popup-commands.ts).
  const commands = extras?.popupCommands({
    active,
    boxText: () => input.current?.value ?? '',
    query,
    flush,
    // A held row is the previous query's (results.ts): Enter on it waits for this search's answer instead.
    answered: results.shownId === results.searchId && !(active.entity !== null && results.held.includes(active.entity.kind)),
    failed: failure !== null,
    retry,
    deferred: deferredOpen,
    open: openItem,
    setListMode,
    chooseFilter,
    typed,
    copy,
    setNotice,
    origin,
    home,
    setHome,
    host,
  });
  useKeyboardCommands(input, listMode, commands);

  const notConfigured = conn?.configured === false || results.fail?.code === 'not-configured';
  if (notConfigured) {
    return <main class="popup">{extras && <extras.NotConfigured refused={conn?.refused !== undefined} />}</main>;
  }

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
            runQuery(next, filter, true);
          }}
        />
        <span class={searching ? 'progress on' : 'progress'} aria-hidden="true" />
        <FilterChips value={shown} onChange={chooseFilter} onKeys={extras?.chipKeys} />
      </header>

      {pageError && extras && <extras.PageError error={pageError} host={host} onRetry={() => runQuery(query, filter)} />}
      {!pageError && failure && extras && <extras.SearchFailure failure={failure} host={host} onRetry={retry} />}

      <div class="body">
        <ResultList groups={groups} active={active.index} onOpen={(e, bg) => void openItem(e, bg)} onPoint={active.point} avatarOf={extras?.cachedAvatar} rest={extras?.pointerRest} />
        {emptyBox && listed.length === 0 && !pageError && <p class="empty muted">{t('popup_emptyHint')}</p>}
        {emptyBox && extras && home.waiting && <extras.HomeNotes waiting={home.waiting} host={host} />}
        {notes.length > 0 && extras && <extras.GroupNotes notes={notes} host={host} />}
        {active.entity && extras && (
          <extras.CardPane
            key={entityKey(active.entity)}
            entity={active.entity}
            host={host}
            copy={(text) => void copy(text, active.entity as Entity)}
            onOpen={(e, bg) => void openItem(e, bg)}
            onCopy={(what) => void commands?.copyActive(what)}
            pins={home.pinned}
            onPin={() => void commands?.togglePin()}
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

/** Loads the extras as soon as the first frame is out. */
function useExtras(): typeof Extras | null {
  const [module, setModule] = useState<typeof Extras | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => void loadExtras().then(setModule), 0);
    return () => clearTimeout(timer);
  }, []);
  return module;
}
