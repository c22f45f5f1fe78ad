import type { KindMeta } from '../kind-meta.ts';

export const projectMeta: KindMeta<'project'> = { kind: 'project', label: 'kind_project', letter: 'P', hue: 25 };
