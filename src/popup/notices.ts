/**
 * The status line's confirmations, and the two actions that produce them: opening a result in Space and copying.
 * A notice stays NOTICE_MS; a newer one replaces it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { Entity } from '../shared/kinds.ts';
import { displayText } from '../shared/ui/text.ts';
import { copyText, openInSpace } from './actions.ts';

/** How long a confirmation ("Copied …") stays in the status line. */
const NOTICE_MS = 3000;

export interface Notices {
  /** What the status line says right now ('' when nothing). */
  notice: string;
  say(text: string): void;
  /** Opens `entity` in Space (only on the configured origin); says so for a background tab or a refused link. */
  open(entity: Entity, background: boolean): Promise<void>;
  /** Copies `text` (cleaned) and says what was copied, or that the clipboard refused. */
  copy(text: string): Promise<void>;
}

/** `origin()`: the configured Space origin, once the worker has said it. */
export function useNotices(origin: () => Promise<string | null>): Notices {
  const [notice, setNotice] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = (text: string) => {
    clearTimeout(timer.current);
    setNotice(text);
    timer.current = setTimeout(() => setNotice(''), NOTICE_MS);
  };
  return {
    notice,
    say,
    async open(entity, background) {
      const outcome = await openInSpace(entity.webUrl, await origin(), background);
      if (outcome === 'blocked') say(t('popup_blockedUrl'));
      else if (background) say(t('popup_opened', displayText(entity.title, 80)));
    },
    async copy(text) {
      const copied = await copyText(text);
      say(copied ? t('popup_copied', displayText(copied, 80)) : t('popup_copyFailed'));
    },
  };
}
