import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { ALL_KINDS } from '../shared/protocol.ts';
import { REQUIRED_PERMISSIONS } from '../space/required-permissions.ts';
import { kindSearch } from './search-registry.ts';

describe('kind permissions', () => {
  it.each(ALL_KINDS)('%s names a permission the options page lists, with its Space name', (kind) => {
    const { permission } = kindSearch(kind);
    expect(REQUIRED_PERMISSIONS).toContain(permission);
    expect(Object.hasOwn(messages, `perm_${permission.replaceAll('.', '_')}`)).toBe(true);
  });

  it('every listed permission has its Space name in messages.json', () => {
    for (const code of REQUIRED_PERMISSIONS) expect(Object.hasOwn(messages, `perm_${code.replaceAll('.', '_')}`)).toBe(true);
  });
});
