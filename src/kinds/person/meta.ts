import type { KindMeta } from '../kind-meta.ts';

export const personMeta: KindMeta<'person'> = { kind: 'person', label: 'kind_person', letter: 'P', hue: 210 };
