import type { KindMeta } from '../kind-meta.ts';

export const teamMeta: KindMeta<'team'> = { kind: 'team', label: 'kind_team', letter: 'T', hue: 265 };
