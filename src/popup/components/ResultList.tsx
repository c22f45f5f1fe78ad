import { useEffect, useRef } from 'preact/hooks';
import { EntityRow, VIEWS } from '../../kinds/view-registry.tsx';
import { t } from '../../shared/i18n.ts';
import type { ResultGroup } from '../../shared/protocol.ts';
import type { Entity } from '../../shared/kinds.ts';
import { cachedAvatar } from '../details-cache.ts';
import { optionKey } from '../results.ts';
import { unreadableText } from '../unreadable.ts';

export const LISTBOX_ID = 'results';

export const optionId = (index: number) => `result-${index}`;

interface ResultListProps {
  groups: ResultGroup[];
  active: number;
  onOpen(entity: Entity, background: boolean): void;
  /** Pointer rested on an option: show its card. */
  onPoint(index: number): void;
}

/** How long the pointer must rest on a row before its card replaces the current one. */
const HOVER_INTENT_MS = 200;

/**
 * One listbox with a group per kind. Options are never focused themselves: the search box keeps focus
 * and points at the active option with aria-activedescendant (ARIA combobox pattern).
 */
export function ResultList({ groups, active, onOpen, onPoint }: ResultListProps) {
  const list = useRef<HTMLDivElement>(null);
  const hover = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (active < 0) return;
    list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, groups]);

  useEffect(() => () => clearTimeout(hover.current), []);

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
      onMouseLeave={() => clearTimeout(hover.current)}
    >
      {groups.map((group) => {
        const labelId = `group-label-${group.kind}`;
        return (
          <div key={group.kind} role="group" aria-labelledby={labelId} data-testid={`group-${group.kind}`} class={group.cached ? 'group cached' : 'group'}>
            <div role="presentation" id={labelId} class="group-label">
              {t(VIEWS[group.kind].meta.label)}
              {group.project !== undefined && ` · ${t('popup_groupInProject', group.project)}`}
              {/* Part of the group's accessible name, so a screen reader hears that the list is incomplete. */}
              {group.unreadable !== undefined && group.unreadable > 0 && (
                <span class="group-unreadable" data-testid={`unreadable-${group.kind}`}>{' · '}{unreadableText(group.unreadable)}</span>
              )}
            </div>
            {group.items.map((entity) => {
              const i = index++;
              return (
                <div
                  key={optionKey(entity)}
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
                  onMouseMove={() => {
                    if (i === active) return;
                    clearTimeout(hover.current);
                    hover.current = setTimeout(() => onPoint(i), HOVER_INTENT_MS);
                  }}
                >
                  <EntityRow entity={entity} avatar={cachedAvatar(entity)} />
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
