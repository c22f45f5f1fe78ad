import { useEffect, useState } from 'preact/hooks';
import { detailsIdOf } from '../shared/details-id.ts';
import { ask } from '../shared/messaging.ts';
import type { AppError, Entity } from '../shared/protocol.ts';

/** Arrowing through results should not fire a details request per row passed. */
const DETAILS_DELAY_MS = 150;

// For the popup's lifetime: moving back to a result shows its card at once.
const details = new Map<string, Entity>();
const avatars = new Map<string, string | null>();

export interface CardData {
  entity: Entity;
  avatar: string | null;
  loading: boolean;
  error: AppError | null;
}

const keyOf = (e: Entity) => `${e.kind}:${detailsIdOf(e)}`;

export function cachedAvatar(avatarId: string | null | undefined): string | null {
  return avatarId ? avatars.get(avatarId) ?? null : null;
}

/** The active result, upgraded to its full details (and avatar) when the worker has them. */
export function useDetails(active: Entity | null): CardData | null {
  const [, setVersion] = useState(0);
  const [state, setState] = useState<{ key: string; loading: boolean; error: AppError | null } | null>(null);
  const key = active ? keyOf(active) : null;

  useEffect(() => {
    if (!active || !key) return;
    let live = true;
    const full = details.get(key);
    const avatarId = (full ?? active).kind === 'person' ? ((full ?? active) as Extract<Entity, { kind: 'person' }>).avatarId : null;
    if (full && (!avatarId || avatars.has(avatarId))) {
      setState({ key, loading: false, error: null });
      return;
    }
    setState({ key, loading: !full, error: null });
    const timer = setTimeout(async () => {
      if (!full) {
        const answer = await ask({ type: 'details', kind: active.kind, id: detailsIdOf(active) });
        if (!live) return;
        if (!answer.ok || answer.value.kind !== active.kind) {
          setState({ key, loading: false, error: answer.ok ? { code: 'bad-response', message: '', hint: '' } : answer.error });
          return;
        }
        details.set(key, answer.value);
        setState({ key, loading: false, error: null });
      }
      const entity = details.get(key) ?? active;
      if (entity.kind === 'person' && entity.avatarId && !avatars.has(entity.avatarId)) {
        const image = await ask({ type: 'avatar', id: entity.avatarId });
        // Remember failures too: initials are the answer for this popup's life.
        avatars.set(entity.avatarId, image.ok ? image.value.dataUrl : null);
        if (live) setVersion((v) => v + 1);
      }
    }, DETAILS_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  if (!active || !key) return null;
  const entity = details.get(key) ?? active;
  const current = state?.key === key ? state : { loading: !details.has(key), error: null };
  return {
    entity,
    avatar: entity.kind === 'person' ? cachedAvatar(entity.avatarId) : null,
    loading: current.loading,
    error: current.error,
  };
}
