import { expect } from 'vitest';
import { SpaceError } from '../errors.ts';

/** The SpaceError a call fails with; fails the test when the call succeeds or throws anything else. */
export async function spaceErrorOf(pending: Promise<unknown>): Promise<SpaceError> {
  try {
    await pending;
  } catch (e) {
    expect(e).toBeInstanceOf(SpaceError);
    return e as SpaceError;
  }
  throw new Error('expected the call to fail');
}
