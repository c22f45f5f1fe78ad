import { VIEWS } from '../../kinds/view-registry.tsx';
import { errorLine } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import type { ResultGroup } from '../../shared/protocol.ts';
import { unreadableText } from '../unreadable.ts';

function noteText(group: ResultGroup, host: string | null): string {
  if (group.state === 'ok') return unreadableText(group.unreadable ?? 0);
  const error = group.error;
  if (group.state === 'unsupported' || !error) return t('popup_unsupported');
  if (error.code === 'forbidden' && error.permission) return t('popup_noPermission', error.permission);
  return errorLine(error, { where: 'popup', host });
}

/** Kinds that could not be searched, said quietly: the other groups are still useful. */
export function GroupNotes({ notes, host }: { notes: ResultGroup[]; host: string | null }) {
  return (
    <ul class="notes">
      {notes.map((g) => (
        <li key={g.kind} class="muted" data-testid={`note-${g.kind}`}>
          {t('popup_groupNote', [t(VIEWS[g.kind].meta.label), noteText(g, host)])}
        </li>
      ))}
    </ul>
  );
}
