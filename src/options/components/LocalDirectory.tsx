import { useEffect, useRef, useState } from 'preact/hooks';
import { DIRECTORY_KINDS, type DirectoryStatus } from '../../shared/directory.ts';
import { errorText, type ErrorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ask } from '../../shared/messaging.ts';
import type { ResponseFor } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { relativeTime } from '../../shared/ui/time-format.ts';
import { useNow } from '../../shared/ui/use-now.ts';

interface LocalDirectoryProps {
  host: string | null;
  announce(text: string): void;
}

/** While a sync runs, the status is read this often (the worker answers from memory: no request to Space). */
const SYNC_POLL_MS = 700;

const number = (n: number) => new Intl.NumberFormat().format(n);

/** "840 kB", "2.4 MB" (decimal units, as browsers report storage). */
export function formatSize(bytes: number): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(undefined, {
    style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}

/** "Syncing: People 1,200 of 10,000 (2 of 6 kinds done)", or "Syncing…" before the first page. */
export function progressText(status: DirectoryStatus): string {
  const p = status.progress;
  if (!p) return t('options_directorySyncing');
  const fetched = p.total === null ? number(p.fetched) : t('options_directoryOfTotal', [number(p.fetched), number(p.total)]);
  return t('options_directorySyncingKind', [t(`kind_${p.kind}` as const), fetched, String(p.kindsDone), String(DIRECTORY_KINDS.length)]);
}

/**
 * The local directory (issue 16): what the worker keeps of the Space (counts per kind, size, where), how old it is,
 * whether a sync runs or failed, and "Refresh now"; or that the organization turned it off. The copy itself never
 * leaves the worker: this reads its status only.
 */
export function LocalDirectory({ host, announce }: LocalDirectoryProps) {
  const [status, setStatus] = useState<DirectoryStatus | null>(null);
  const [askError, setAskError] = useState<ErrorText | null>(null);
  /** A refresh asked for here: its end is announced. */
  const asked = useRef(false);
  const now = useNow(30_000);

  const apply = (answer: ResponseFor<'directory-status'>) => {
    if (!answer.ok) {
      setAskError(errorText(answer.error, { where: 'options', host }));
      return;
    }
    setAskError(null);
    const next = answer.value;
    if (asked.current && next.state !== 'syncing') {
      asked.current = false;
      announce(t(next.state === 'ready' ? 'options_directoryRefreshed' : 'options_directoryRefreshFailed'));
    }
    setStatus(next);
  };

  useEffect(() => {
    void ask({ type: 'directory-status' }).then(apply);
  }, []);

  const syncing = status?.state === 'syncing';
  useEffect(() => {
    if (!syncing) return undefined;
    const timer = setInterval(() => void ask({ type: 'directory-status' }).then(apply), SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [syncing]);

  const refresh = async () => {
    asked.current = true;
    announce(t('options_directoryRefreshStarted'));
    apply(await ask({ type: 'directory-refresh' }));
  };

  return (
    <section class="panel directory" aria-labelledby="directory-heading" data-testid="local-directory" aria-busy={syncing}>
      <h2 id="directory-heading">{t('options_directoryHeading')}</h2>
      {status?.offByPolicy ? (
        <p data-testid="directory-off">{t('options_directoryOffByPolicy')}</p>
      ) : (
        <>
          <p class="help">{t('options_directoryIntro')}</p>
          {status && status.syncedAt !== null && (
            <>
              <ul class="facts" data-testid="directory-counts" aria-label={t('options_directoryCountsLabel')}>
                {DIRECTORY_KINDS.map((kind) => (
                  <li key={kind} data-kind={kind}>{t(`kind_${kind}` as const)}: {number(status.counts[kind])}</li>
                ))}
              </ul>
              <p data-testid="directory-age">
                {t('options_directorySynced', relativeTime(status.syncedAt, now))}
                {' · '}
                {t(status.storage === 'session' ? 'options_directoryKeptSession' : 'options_directoryKeptDisk', formatSize(status.bytes))}
              </p>
            </>
          )}
          {status && status.syncedAt === null && !syncing && status.state !== 'error' && (
            <p data-testid="directory-age">{t('options_directoryNeverSynced')}</p>
          )}
          {syncing && status && (
            <div class="directory-sync" role="status" data-testid="directory-syncing">
              <p>{progressText(status)}</p>
              <progress
                max={status.progress?.total ?? undefined}
                value={status.progress?.total ? status.progress.fetched : undefined}
                aria-label={t('options_directorySyncing')}
              />
            </div>
          )}
          {status?.state === 'error' && status.error && (
            <ErrorNotice text={errorText(status.error, { where: 'options', host })} testId="directory-error">
              {status.syncedAt !== null ? t('options_directoryPreviousCopy') : null}
            </ErrorNotice>
          )}
          {askError && <ErrorNotice text={askError} testId="directory-status-error" role="alert" />}
          <div class="actions">
            <button type="button" data-testid="directory-refresh" disabled={!status?.enabled || syncing} onClick={() => void refresh()}>
              {t('options_directoryRefresh')}
            </button>
          </div>
          <p class="help">{t('options_directoryForget')}</p>
        </>
      )}
    </section>
  );
}
