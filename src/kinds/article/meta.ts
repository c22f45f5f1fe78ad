import type { KindMeta } from '../kind-meta.ts';

export const articleMeta: KindMeta<'article'> = { kind: 'article', label: 'kind_article', letter: 'B', hue: 95 };
