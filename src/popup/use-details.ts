import { useEffect, useState } from 'preact/hooks';
import { detailsIdOf } from '../kinds/card-registry.tsx';
import { ask } from '../shared/messaging.ts';
import type { AppError } from '../shared/protocol.ts';
import type { Entity } from '../shared/kinds.ts';
import { avatarIdOf, avatars, cachedAvatar, details } from './details-cache.ts';
import { isPrivateWindow } from './private-window.ts';
import { entityKey } from '../shared/kinds.ts';

/** Arrowing through results should not fire a details request per row passed. */
const DETAILS_DELAY_MS = 150;

export interface CardData {
  entity: Entity;
  avatar: string | null;
  loading: boolean;
  error: AppError | null;
}

/** The active result, upgraded to its full details (and avatar) once the worker has them. */
export function useDetails(active: Entity): CardData {
  const key = entityKey(active);
  // A kind whose search row is the whole card (no details id) needs no request: the row is its details.
  if (!details.has(key) && detailsIdOf(active) === null) details.set(key, active);
  const [state, setState] = useState<{ key: string; error: AppError | null } | null>(null);
  const [, setAvatarVersion] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      if (!details.has(key)) {
        const answer = await ask({ type: 'details', kind: active.kind, id: detailsIdOf(active) ?? '' });
        if (!live) return;
        if (!answer.ok || answer.value.kind !== active.kind) {
          setState({ key, error: answer.ok ? { code: 'bad-response' } : answer.error });
          return;
        }
        details.set(key, answer.value);
        setState({ key, error: null });
      }
      const avatarId = avatarIdOf(details.get(key) ?? active);
      if (avatarId && !avatars.has(avatarId)) {
        // In a private window the worker neither caches the image nor serves it from the normal cache.
        const image = await ask({ type: 'avatar', id: avatarId, private: isPrivateWindow() });
        // Failures are remembered too: initials are the answer for the rest of this popup's life.
        avatars.set(avatarId, image.ok ? image.value.dataUrl : null);
        if (live) setAvatarVersion((v) => v + 1);
      }
    }, details.has(key) ? 0 : DETAILS_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  const entity = details.get(key) ?? active;
  const error = state?.key === key ? state.error : null;
  return {
    entity,
    avatar: cachedAvatar(entity),
    loading: !details.has(key) && error === null,
    error,
  };
}
