import type { KindMeta } from '../kind-meta.ts';

export const locationMeta: KindMeta<'location'> = { kind: 'location', label: 'kind_location', letter: 'L', hue: 150 };
