import type { KindMeta } from '../kind-meta.ts';

export const documentMeta: KindMeta<'document'> = { kind: 'document', label: 'kind_document', letter: 'D', hue: 120 };
