import type { KindMeta } from '../kind-meta.ts';

export const reviewMeta: KindMeta<'review'> = { kind: 'review', label: 'kind_review', letter: 'CR', hue: 45 };
