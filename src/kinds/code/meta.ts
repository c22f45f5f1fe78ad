import type { KindMeta } from '../kind-meta.ts';

export const codeMeta: KindMeta<'code'> = { kind: 'code', label: 'kind_code', letter: '{}', hue: 235 };
