import type { MessageKey } from '../shared/i18n.ts';
import type { EntityKind } from '../shared/kinds.ts';

/**
 * How a kind presents itself: pure data, so the popup's first paint and the cards may both import it. Its place
 * in ALL_KINDS (src/shared/kinds.ts) gives its group and chip order and its Alt+digit.
 */
export interface KindMeta<K extends EntityKind = EntityKind> {
  kind: K;
  /** Group heading and filter chip text. */
  label: MessageKey;
  /** Letter on the kind's badge where there is no avatar. */
  letter: string;
  /** Hue of that badge (white text on 30 % lightness keeps 4.5:1). */
  hue: number;
}
