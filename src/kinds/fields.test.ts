import { describe, expect, it } from 'vitest';
import { batchFields } from '../space/fields.ts';
import * as common from '../space/mappers/common.ts';
import * as person from '../space/mappers/person.ts';

/** Every module of a kind folder that holds `$fields` selections, found by folder, and the client's own. */
const MODULES: Record<string, Record<string, unknown>> = {
  ...import.meta.glob<Record<string, unknown>>(['./*/mapper.ts', './person/absence.ts', './person/working-hours.ts'], { eager: true }),
  '../space/mappers/common.ts': common,
  '../space/mappers/person.ts': person,
};

/** Plain property names, `*` (all defaults of a level) and `!`-suffixed recursive selections. */
const FIELD_NAME = /^(?:\*|[A-Za-z_$][A-Za-z0-9_$]*!?\d*)$/;

interface FieldNode {
  name: string;
  children: FieldNode[];
}

/** Parses a `$fields` selection strictly; throws on anything Space's grammar wouldn't read the same way. */
function parseSelection(text: string): FieldNode[] {
  let at = 0;
  const level = (): FieldNode[] => {
    const nodes: FieldNode[] = [];
    for (;;) {
      const start = at;
      while (at < text.length && !',()'.includes(text[at]!)) at++;
      const name = text.slice(start, at);
      if (!FIELD_NAME.test(name)) throw new Error(`invalid field name ${JSON.stringify(name)} at ${start}`);
      if (nodes.some((n) => n.name === name)) throw new Error(`"${name}" selected twice at ${start}`);
      const node: FieldNode = { name, children: [] };
      if (text[at] === '(') {
        at++;
        node.children = level();
        if (text[at] !== ')') throw new Error(`unclosed "${name}(" at ${start}`);
        at++;
      }
      nodes.push(node);
      if (text[at] !== ',') return nodes;
      at++;
    }
  };
  const nodes = level();
  if (at !== text.length) throw new Error(`unexpected ${JSON.stringify(text[at])} at ${at}`);
  return nodes;
}

const render = (nodes: FieldNode[]): string =>
  nodes.map((n) => (n.children.length ? `${n.name}(${render(n.children)})` : n.name)).join(',');

const SELECTIONS = Object.entries(MODULES)
  .flatMap(([module, exports]) => Object.entries(exports)
    .filter(([name]) => name.endsWith('_FIELDS'))
    .map(([name, value]) => [`${module}.${name}`, value] as const));

describe('$fields selections', () => {
  it('finds every mapper selection', () => {
    expect(SELECTIONS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(SELECTIONS)('%s is a well-formed selection', (_name, value) => {
    expect(typeof value).toBe('string');
    const text = value as string;
    expect(render(parseSelection(text))).toBe(text);
  });

  it('batch selections name the page fields and nest the item selection under data', () => {
    expect(batchFields('id,name(firstName)')).toBe('next,totalCount,data(id,name(firstName))');
    for (const [name, value] of SELECTIONS.filter(([n]) => n.includes('BATCH'))) {
      const [next, total, data] = parseSelection(value as string);
      expect([next?.name, total?.name, data?.name], name).toEqual(['next', 'totalCount', 'data']);
      expect(data?.children.length, name).toBeGreaterThan(0);
    }
  });

  it('the checker itself rejects malformed selections', () => {
    for (const bad of ['', 'a,', 'a,,b', 'a(', 'a()', 'a(b', 'a)', 'a b', '1abc', 'a,a', 'a(b,b)', 'a(b)c']) {
      expect(() => parseSelection(bad), bad).toThrow();
    }
    expect(render(parseSelection('*,managers(id),nestedResources!2'))).toBe('*,managers(id),nestedResources!2');
  });
});
