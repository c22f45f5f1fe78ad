import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { EntityRow, VIEWS } from '../../kinds/view-registry.tsx';
import { t } from '../../shared/i18n.ts';
import type { ResultGroup } from '../../shared/protocol.ts';
import type { Entity } from '../../shared/kinds.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { pointerRest } from '../pointer-rest.ts';
import { entityKey } from '../../shared/kinds.ts';

export const LISTBOX_ID = 'results';

export const OPTION_ID_PREFIX = 'result-';
export const optionId = (index: number) => `${OPTION_ID_PREFIX}${index}`;

/**
 * One group of the listbox: a kind's search results (`searchGroup`), or a list of the empty box (Pinned, Waiting
 * for you, Recent: home-groups.ts). Both are drawn, navigated and opened the same way.
 */
export interface ListGroup {
  /** Unique among the groups shown: the kind, or the home list's name. */
  id: string;
  /** The group's name ("Issues · in ABC", "Waiting for you"). */
  label: string;
  /**
   * Said beside the name in the small print ("1 result could not be read", "not up to date"): part of the group's
   * accessible name, so a screen reader hears that the list is incomplete or old. `asideId`: its test id.
   */
  aside?: string | null;
  asideId?: string;
  items: Entity[];
  /** Painted from storage, not (yet) fresh. */
  cached?: boolean;
  /** What a row says at its end (why it waits, that Space no longer finds it), by index into `items`. */
  marks?: (string | false | undefined)[];
}

/**
 * A kind's search results: the kind's name, the one project searched, and how many results could not be read
 * (`unreadableText`, unreadable.ts: with the extras, which are in long before a search answers).
 */
export function searchGroup(group: ResultGroup, unreadableText?: (count: number) => string): ListGroup {
  const label = t(VIEWS[group.kind].meta.label);
  return {
    id: group.kind,
    label: group.project === undefined ? label : `${label} · ${t('popup_groupInProject', group.project)}`,
    aside: unreadableText && group.unreadable ? unreadableText(group.unreadable) : null,
    asideId: `unreadable-${group.kind}`,
    items: group.items,
    cached: group.cached,
  };
}

/**
 * Draws `children`; if they throw (a stored entity of an older version, hand-edited storage), `fallback` instead:
 * one unreadable row or card never takes the popup down with it.
 */
export class Safe extends Component<{ fallback: ComponentChildren; children: ComponentChildren }, { failed?: boolean }> {
  override componentDidCatch() {
    this.setState({ failed: true });
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

interface ResultListProps {
  groups: ListGroup[];
  active: number;
  onOpen(entity: Entity, background: boolean): void;
  /** Pointer rested on an option: show its card. */
  onPoint(index: number): void;
  /** A person's avatar fetched for a card during this popup's life (details-cache.ts, with the extras). */
  avatarOf?: (entity: Entity) => string | null;
  /** Where the pointer moved (null: it left the list): pointer-rest.ts, with the extras. */
  rest?: typeof pointerRest;
}

/**
 * One listbox with a group per kind (or per list of the empty box). Options are never focused themselves: the
 * search box keeps focus and points at the active option with aria-activedescendant (ARIA combobox pattern).
 */
export function ResultList({ groups, active, onOpen, onPoint, avatarOf, rest }: ResultListProps) {
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (active < 0) return;
    list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, groups]);

  let index = 0;
  const empty = groups.length === 0;
  return (
    <div
      id={LISTBOX_ID}
      ref={list}
      class="results"
      role="listbox"
      aria-label={t('popup_resultsLabel')}
      hidden={empty}
      onMouseMove={(e) => rest?.(e.target, active, onPoint)}
      onMouseLeave={() => rest?.(null, active, onPoint)}
    >
      {groups.map((group) => {
        const labelId = `group-label-${group.id}`;
        return (
          <div key={group.id} role="group" aria-labelledby={labelId} data-testid={`group-${group.id}`} class={group.cached ? 'group cached' : 'group'}>
            <div role="presentation" id={labelId} class="group-label">
              {group.label}
              {group.aside && <span class="group-aside" data-testid={group.asideId}>{' · '}{group.aside}</span>}
            </div>
            {group.items.map((entity, n) => {
              const i = index++;
              const mark = group.marks?.[n];
              return (
                <div
                  key={entityKey(entity)}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  class={i === active ? 'option active' : 'option'}
                  data-testid="result"
                  data-kind={entity.kind}
                  data-url={entity.webUrl}
                  onClick={(e) => onOpen(entity, e.ctrlKey || e.metaKey)}
                  onAuxClick={(e) => {
                    if (e.button === 1) onOpen(entity, true);
                  }}
                >
                  <Safe fallback={<Text value={entity.title} />}>
                    <EntityRow entity={entity} avatar={avatarOf?.(entity)} />
                  </Safe>
                  {mark && <span class="row-mark muted">{mark}</span>}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
