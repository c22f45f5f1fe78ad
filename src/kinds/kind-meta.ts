import type { EntityKind } from '../space/types.ts';
import type { MessageKey } from '../shared/i18n.ts';

/** How a kind presents itself in the popup; pure data so either side may import it. */
export interface KindMeta<K extends EntityKind = EntityKind> {
  kind: K;
  /** Group heading and filter chip text. */
  label: MessageKey;
  /** Letter on the kind's badge where there is no avatar. */
  letter: string;
  /** Hue of that badge (white text on 30 % lightness keeps 4.5:1). */
  hue: number;
  /** Alt+<digit> selects this kind's filter chip (Alt+1 is "All"). */
  digit: number;
}
