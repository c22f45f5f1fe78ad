/**
 * Test fixtures of every kind, found by folder: `src/kinds/<kind>/fixture.ts` exports `fixture(s)`, an entity of that
 * kind whose every string field is `s(n)`, a different `n` per field (the hostile-string tests pass payloads, the
 * others plain text). A kind's tests need no line outside its folder; registry.test.ts checks every listed kind has one.
 */
import type { Entity, EntityKind } from '../../shared/kinds.ts';
import type { EntityOf } from '../../space/types.ts';

export type Fixture<K extends EntityKind> = (s: (n: number) => string) => EntityOf<K>;

const modules = import.meta.glob<{ fixture?: Fixture<EntityKind> }>('../*/fixture.ts', { eager: true });

/** Kinds whose folder has a fixture. */
export const FIXTURE_KINDS: string[] = Object.keys(modules).map((path) => path.split('/')[1] ?? '');

/** An entity of `kind` built by its folder's fixture; throws when the folder has none. */
export function fixtureOf<K extends EntityKind>(kind: K, s: (n: number) => string): EntityOf<K> {
  const make = modules[`../${kind}/fixture.ts`]?.fixture;
  if (!make) throw new Error(`src/kinds/${kind}/fixture.ts exports no \`fixture\``);
  return make(s) as Entity as EntityOf<K>;
}
