import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { authProblem } from '../shared/auth-problem.ts';
import { t } from '../shared/i18n.ts';
import {
  LIMITS,
  type AppError,
  type ConnectionStatus,
  type Entity,
  type Filter,
  type MissingKey,
  type ResponseFor,
} from '../shared/protocol.ts';
import { displayText } from '../shared/ui/text.ts';
import { copyText, openInSpace } from './actions.ts';
import { FILTERS, FilterChips } from './components/FilterChips.tsx';
import { LISTBOX_ID, optionId, ResultList } from './components/ResultList.tsx';
import { commandFor, type Command } from './keys.ts';
import { activeIndexFor, moveActive } from './nav.ts';
import {
  failedWithoutResults, groupNotes, optionKey, resultGroups, searchFailure, type GroupView, type ResultsState,
} from './results.ts';
import type * as Extras from './extras.ts';
import { useLookup } from './use-lookup.ts';

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

/** How long a confirmation ("Copied …") stays in the status line. */
const NOTICE_MS = 3000;

/** `@jo` searches people only; the People chip shows it. */
const effectiveFilter = (query: string, filter: Filter): Filter => (query.trimStart().startsWith('@') ? 'person' : filter);

export function App({ boot }: { boot: Boot }) {
  const [query, setQuery] = useState(boot.query);
  const [filter, setFilter] = useState<Filter>(boot.filter);
  const { results, search, flush } = useLookup(boot.results);
  const [conn, setConn] = useState<ConnectionStatus | null>(null);
  const [connError, setConnError] = useState<AppError | null>(null);
  const [activeKey, setActiveKeyState] = useState<string | null>(null);
  // Mirrors activeKey synchronously: two keys pressed before a re-render must both count (key repeat).
  const activeKeyRef = useRef<string | null>(null);
  const setActiveKey = (key: string | null) => {
    activeKeyRef.current = key;
    setActiveKeyState(key);
  };
  const [listMode, setListMode] = useState(false);
  const [notice, setNotice] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Enter pressed before the results for the current text arrived: open the top result once they do. */
  const deferredOpen = useRef<{ background: boolean } | null>(null);

  const shown = effectiveFilter(query, filter);
  const groups = useMemo(() => resultGroups(results, shown), [results, shown]);
  const flat = useMemo(() => groups.flatMap((g: GroupView) => g.items), [groups]);
  const keys = useMemo(() => flat.map(optionKey), [flat]);
  const active = activeIndexFor(keys, activeKey);
  const activeEntity = active >= 0 ? flat[active] ?? null : null;
  const failure = useMemo(() => searchFailure(results, shown), [results, shown]);
  const extras = useExtras();

  const say = (text: string) => {
    clearTimeout(noticeTimer.current);
    setNotice(text);
    noticeTimer.current = setTimeout(() => setNotice(''), NOTICE_MS);
  };

  const runQuery = (text: string, f: Filter, now = false) => {
    setActiveKey(null);
    setListMode(false);
    search(text, effectiveFilter(text, f), now);
  };

  /** The same query and filter again, at once; the box keeps the focus (the Retry button goes away). */
  const retry = () => {
    runQuery(input.current?.value ?? query, filter, true);
    input.current?.focus();
  };

  // First frame: mark it for the benchmark, then refresh what was painted from the last view.
  useEffect(() => {
    requestAnimationFrame(() => {
      window.__firstRenderMs = performance.now();
      document.body.dataset.ready = 'true';
    });
    input.current?.focus();
    if (boot.query.trim() !== '') search(boot.query, effectiveFilter(boot.query, boot.filter), true);
    boot.status.then((answer) => {
      if (answer.ok) setConn(answer.value);
      else setConnError(answer.error);
    });
  }, []);

  // A context-menu query that lands after the popup opened replaces what is in the box.
  const pendingHandler = useRef((_query: string) => {});
  pendingHandler.current = (pending) => {
    setQuery(pending);
    runQuery(pending, filter, true);
    input.current?.focus();
  };
  useEffect(() => extras?.watchPendingQuery((q) => pendingHandler.current(q)), [extras]);

  // A key query resolved to one item: make it the active (Enter) result.
  useEffect(() => {
    if (results.exact) setActiveKey(optionKey(results.exact));
  }, [results.exact]);

  const originNow = async (): Promise<string | null> => {
    if (conn) return conn.origin;
    const answer = await boot.status;
    return answer.ok ? answer.value.origin : null;
  };

  const open = async (entity: Entity, background: boolean) => {
    const outcome = await openInSpace(entity.webUrl, await originNow(), background);
    if (outcome === 'blocked') say(t('popup_blockedUrl'));
    else if (background) say(t('popup_opened', displayText(entity.title, 80)));
  };

  const copy = async (text: string) => {
    const copied = await copyText(text);
    say(copied ? t('popup_copied', displayText(copied, 80)) : t('popup_copyFailed'));
  };

  const copyFromActive = async (what: 'link' | 'key' | 'email') => {
    const entity = currentEntity();
    if (!entity || !extras) return;
    const value = extras.valueToCopy(entity, what, what === 'link' ? await originNow() : null);
    if (value) await copy(value);
    else say(t('popup_nothingToCopy'));
  };

  // Open the top result as soon as the search that Enter was waiting for has answered.
  useEffect(() => {
    const pending = deferredOpen.current;
    if (!pending || results.shownId !== results.searchId || results.phase !== 'done') return;
    deferredOpen.current = null;
    const target = results.exact ?? flat[0];
    if (target) void open(target, pending.background);
  }, [results]);

  const chooseFilter = (f: Filter) => {
    setFilter(f);
    runQuery(query, f, true);
  };

  const currentEntity = (): Entity | null => flat[activeIndexFor(keys, activeKeyRef.current)] ?? null;

  const run = (cmd: Command, fromInput: boolean): boolean => {
    switch (cmd.type) {
      case 'move': {
        if (!fromInput || keys.length === 0) return false;
        setActiveKey(keys[moveActive(activeIndexFor(keys, activeKeyRef.current), keys.length, cmd.move)] ?? null);
        setListMode(true);
        return true;
      }
      case 'open': {
        // The box itself, not state: Enter may follow the last keystroke before any re-render.
        if (!fromInput || (input.current?.value ?? '').trim() === '') return false;
        const stale = flush() || results.shownId !== results.searchId;
        const entity = currentEntity();
        if (stale) deferredOpen.current = { background: cmd.background };
        else if (entity) void open(entity, cmd.background);
        // Nothing to open because the search could not run: Enter tries again, like the Retry button.
        else if (failure) retry();
        return true;
      }
      case 'copy':
        void copyFromActive(cmd.what);
        return true;
      case 'filter': {
        const f = FILTERS[cmd.index];
        if (f === undefined) return false;
        chooseFilter(f);
        return true;
      }
      case 'escape':
        if (query !== '') {
          setQuery('');
          runQuery('', filter, true);
          input.current?.focus();
        } else {
          window.close();
        }
        return true;
    }
  };

  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const cmd = commandFor(e, { listMode });
      // Focus on the page itself (after a click on empty space) still drives the list.
      const fromInput = e.target === input.current || e.target === document.body;
      if (cmd && latest.current(cmd, fromInput)) e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listMode]);

  const notConfigured = conn?.configured === false || results.fail?.code === 'not-configured';
  if (notConfigured) {
    return <main class="popup">{extras && <extras.NotConfigured />}</main>;
  }

  const host = conn?.host ?? null;
  const pageError = results.fail ?? authProblem(conn) ?? connError;
  const notes = groupNotes(results, shown);
  const searching = results.phase === 'searching';
  const liveText = notice || summary(results, flat.length, query, failedWithoutResults(results, shown));

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
          aria-expanded={flat.length > 0}
          aria-controls={LISTBOX_ID}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          placeholder={t('popup_searchPlaceholder')}
          value={query}
          maxLength={LIMITS.query}
          autocomplete="off"
          spellcheck={false}
          data-testid="search-input"
          onInput={(e) => {
            const text = e.currentTarget.value;
            deferredOpen.current = null;
            setQuery(text);
            runQuery(text, filter);
          }}
        />
        <span class={searching ? 'progress on' : 'progress'} aria-hidden="true" />
        <FilterChips value={shown} onChange={chooseFilter} />
      </header>

      {pageError && extras && <extras.PageError error={pageError} host={host} onRetry={() => runQuery(query, filter, true)} />}
      {!pageError && failure && extras && <extras.SearchFailure failure={failure} host={host} onRetry={retry} />}

      <div class="body">
        <ResultList groups={groups} active={active} onOpen={(e, bg) => void open(e, bg)} onPoint={(i) => setActiveKey(keys[i] ?? null)} />
        {query.trim() === '' && flat.length === 0 && !pageError && <p class="empty muted">{t('popup_emptyHint')}</p>}
        {notes.length > 0 && extras && <extras.GroupNotes notes={notes} host={host} />}
        {activeEntity && extras && (
          <extras.CardPane
            key={optionKey(activeEntity)}
            entity={activeEntity}
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

/** Loads the non-first-frame parts (see extras.ts) as soon as the first frame is out. */
function useExtras(): typeof Extras | null {
  const [module, setModule] = useState<typeof Extras | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => void import('./extras.ts').then(setModule), 0);
    return () => clearTimeout(timer);
  }, []);
  return module;
}

/**
 * The status line after a search. "Nothing found" only when every kind that ran answered: after a failure it
 * would claim more than is known.
 */
function summary(results: ResultsState, count: number, query: string, failed: 'all' | 'some' | null): string {
  if (results.phase !== 'done' || results.fail || query.trim() === '') return '';
  if (count > 0) return t('popup_resultCount', String(count));
  if (results.missing) return missingText(results.missing);
  if (failed === 'all') return t('popup_searchFailed');
  if (failed === 'some') return t('popup_searchIncomplete');
  return t('popup_noResults', displayText(query, 80));
}

/** A typed key that names nothing: say which part does not exist. */
function missingText(missing: MissingKey): string {
  const key = displayText(missing.key, 80);
  switch (missing.kind) {
    case 'issue': return t('popup_noSuchIssue', key);
    case 'review': return t('popup_noSuchReview', key);
    case 'project': return t('popup_noSuchProject', key);
  }
}
