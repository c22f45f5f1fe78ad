import { errorLine } from '../../shared/error-text.ts';
import type { WaitingList } from '../../shared/home.ts';
import { t } from '../../shared/i18n.ts';
import type { AppError } from '../../shared/protocol.ts';

/**
 * Under the empty box's lists: why Waiting for you is not up to date (its rows are the last refresh's), and one
 * quiet note per project whose lists could not be read; the other projects' rows stand.
 */
export function HomeNotes({ waiting, host }: { waiting: WaitingList; host: string | null }) {
  // Read from storage, which may hold anything: a note without a project or an error code is left out.
  const isError = (e: unknown): e is AppError => typeof (e as AppError | null)?.code === 'string';
  const stale = isError(waiting.stale) ? waiting.stale : null;
  const notes = (Array.isArray(waiting.notes) ? waiting.notes : []).filter((n) => typeof n?.project === 'string' && isError(n.error));
  if (!stale && notes.length === 0) return null;
  const line = (error: AppError) => errorLine(error, { where: 'popup', host });
  return (
    <ul class="notes" data-testid="home-notes">
      {stale && <li class="muted">{t('home_notRefreshed', line(stale))}</li>}
      {notes.map((n) => <li key={n.project} class="muted">{t('popup_groupNote', [n.project, line(n.error)])}</li>)}
    </ul>
  );
}
