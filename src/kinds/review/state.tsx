import { t, type MessageKey } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';

/**
 * A code review's state as Space sends it: `Opened | Closed | Deleted` (spec `CodeReviewState`, space-api.md
 * §12 [C]). Text search covers every state, so the row says which one. A newer server's value is shown as sent.
 */
const STATE_LABELS: Record<string, MessageKey> = {
  Opened: 'review_stateOpened',
  Closed: 'review_stateClosed',
  Deleted: 'review_stateDeleted',
};

export function ReviewState({ state }: { state: string }) {
  const known = Object.hasOwn(STATE_LABELS, state);
  return (
    <span class="review-state" data-testid="review-state" data-state={known ? state : 'other'}>
      {known ? t(STATE_LABELS[state]!) : <Text value={state} />}
    </span>
  );
}
