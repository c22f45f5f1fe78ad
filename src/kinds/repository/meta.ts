import type { KindMeta } from '../kind-meta.ts';

export const repositoryMeta: KindMeta<'repository'> = { kind: 'repository', label: 'kind_repository', letter: 'R', hue: 190 };
