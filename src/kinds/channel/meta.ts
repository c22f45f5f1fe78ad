import type { KindMeta } from '../kind-meta.ts';

export const channelMeta: KindMeta<'channel'> = { kind: 'channel', label: 'kind_channel', letter: '#', hue: 300 };
