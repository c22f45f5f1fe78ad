import type { KindMeta } from '../kind-meta.ts';

export const issueMeta: KindMeta<'issue'> = { kind: 'issue', label: 'kind_issue', letter: 'I', hue: 340 };
