/**
 * What the popup's keys (keys.ts) and the card's buttons do, with the extras: a key pressed before they are in is
 * kept and acted on when they arrive (use-keyboard-commands.ts), and the card comes with them. App.tsx hands over
 * the parts of its state the commands read and change (`PopupParts`), fresh on every render.
 */
import type { Dispatch, StateUpdater } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { Entity, Filter } from '../shared/kinds.ts';
import { valueToCopy, type CopyWhat } from './copy-value.ts';
import { FILTERS } from './filters.ts';
import { togglePin } from './home-actions.ts';
import type { HomeLists } from './home-lists.ts';
import { keyCommand, type KeyContext, type KeyLike } from './keys.ts';
import { moveActive } from './nav-move.ts';
import { announce, type SetNotice } from './notices.ts';
import type { ResultsState } from './results.ts';
import type { ActiveResult } from './use-active-result.ts';
import type { CommandHandlers } from './use-keyboard-commands.ts';

/** Enter pressed before the results for the query in the box arrived. */
export interface Deferred {
  background: boolean;
}

/** The search Enter was waiting for has answered: its exact match, else its top result, opens. */
export function openDeferred(
  deferred: { current: Deferred | null }, results: ResultsState, listed: readonly Entity[], open: PopupParts['open'],
): void {
  const pending = deferred.current;
  if (!pending || results.shownId !== results.searchId || results.phase !== 'done') return;
  deferred.current = null;
  const target = results.exact ?? listed[0];
  if (target) void open(target, pending.background);
}

/** What of the popup its commands read and do. */
export interface PopupParts {
  active: ActiveResult;
  /** The box's text now, not state: Enter may follow the last keystroke before any re-render. */
  boxText(): string;
  /** What the box holds as rendered. */
  query: string;
  /** Sends a scheduled search at once; true when one was waiting. */
  flush(): boolean;
  /** The rows on screen answer the latest search sent. */
  answered: boolean;
  /** The search could not run: Enter tries again, like the Retry button. */
  failed: boolean;
  retry(): void;
  /** Enter came before the results of the query in the box: the top one opens when they come (`openDeferred`). */
  deferred: { current: Deferred | null };
  open(entity: Entity, background: boolean): unknown;
  /** On: the user moves through the list (Home/End then address the list, not the caret). */
  setListMode(on: boolean): void;
  chooseFilter(filter: Filter): void;
  /** Puts `text` in the box and searches it; '' brings the empty box's lists back. */
  typed(text: string): void;
  copy(text: string, entity: Entity): Promise<void>;
  /** The status line's state (notices.ts says things there). */
  setNotice: SetNotice;
  origin(): Promise<string | null>;
  home: HomeLists;
  setHome: Dispatch<StateUpdater<HomeLists>>;
  host: string | null;
}

export interface PopupCommands extends CommandHandlers {
  /** Acts on a key (keys.ts); true when it did. */
  key(e: KeyLike, ctx: KeyContext, fromInput: boolean): boolean;
  /** Copies the active item's link, key, e-mail or Markdown link (Alt+C, K, E, M; the card's buttons). */
  copyActive(what: CopyWhat): Promise<void>;
  /** Pins the active item, or unpins it (Alt+P, the card's button); the list changes at once, from the worker's answer. */
  togglePin(): Promise<void>;
}

export function popupCommands(p: PopupParts): PopupCommands {
  const commands: PopupCommands = {
    key: (e, ctx, fromInput) => keyCommand(e, ctx, commands, fromInput),
    async copyActive(what) {
      const entity = p.active.current();
      if (!entity) return;
      const value = valueToCopy(entity, what, what === 'link' || what === 'markdown' ? await p.origin() : null);
      if (value) await p.copy(value, entity);
      else announce(p.setNotice, t('popup_nothingToCopy'));
    },
    async togglePin() {
      const entity = p.active.current();
      if (!entity) return;
      const { pinned, text } = await togglePin(entity, p.home.pinned, p.host);
      if (pinned) p.setHome((h) => ({ ...h, pinned }));
      announce(p.setNotice, text);
    },
    move(move) {
      const moved = p.active.move(move, moveActive);
      if (moved) p.setListMode(true);
      return moved;
    },
    open(background) {
      const entity = p.active.current();
      if (p.boxText().trim() === '') {
        // The empty box: its lists are on screen, nothing to wait for.
        if (entity && p.query.trim() === '') void p.open(entity, background);
        return entity !== null;
      }
      if (p.flush() || !p.answered) p.deferred.current = { background };
      else if (entity) void p.open(entity, background);
      else if (p.failed) p.retry();
      return true;
    },
    copy(what) {
      void commands.copyActive(what);
      return true;
    },
    pin() {
      void commands.togglePin();
      return true;
    },
    filter(index) {
      const f = FILTERS[index];
      if (f === undefined) return false;
      p.chooseFilter(f);
      return true;
    },
    escape() {
      if (p.query !== '') p.typed('');
      else window.close();
      return true;
    },
  };
  return commands;
}
