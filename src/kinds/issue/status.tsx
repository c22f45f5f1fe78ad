import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { Issue } from './entity.ts';

const HEX_COLOR = /^#?([0-9a-f]{6})$/i;

/** Space's status colour as a small dot; only a plain hex colour is accepted into a style. */
export function StatusChip({ status }: { status: Issue['status'] }) {
  const hex = status.color ? HEX_COLOR.exec(status.color)?.[1] : undefined;
  return (
    <span class="status">
      {hex && <span class="status-dot" style={{ background: `#${hex}` }} aria-hidden="true" />}
      <Text value={status.name} />
      {status.resolved && <span class="muted"> ({t('card_resolved')})</span>}
    </span>
  );
}
