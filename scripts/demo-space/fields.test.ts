import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FieldsSyntaxError, INACCESSIBLE_FIELDS, formatFields, markBatch, markExtended, markKind, parseFields, projectFields, type FieldSelection,
} from './fields.ts';

const sel = (text: string): FieldSelection => parseFields(text);

describe('parseFields', () => {
  it('parses flat and nested selections', () => {
    expect(formatFields(sel('id,username'))).toBe('id,username');
    expect(formatFields(sel('id,name(firstName,lastName),managers(id,name(firstName))'))).toBe(
      'id,name(firstName,lastName),managers(id,name(firstName))',
    );
  });

  it('parses * alone and combined with other fields, at any level', () => {
    const s = sel('*,managers(id),data(*,status(name))');
    expect(s.all).toBe(true);
    expect(formatFields(s)).toBe('*,managers(id),data(*,status(name))');
  });

  it('parses the Batch form', () => {
    expect(formatFields(sel('next,totalCount,data(id,title)'))).toBe('next,totalCount,data(id,title)');
  });

  it('tolerates whitespace and accepts the recursive ! suffix', () => {
    expect(formatFields(sel(' id , name ( firstName ) , nestedResources!2 , model! '))).toBe('id,name(firstName),nestedResources,model');
  });

  it('merges a field selected twice, bare plus nested meaning defaults plus the nested fields', () => {
    expect(formatFields(sel('a(b),a(c)'))).toBe('a(b,c)');
    expect(formatFields(sel('a,a(b)'))).toBe('a(*,b)');
    expect(formatFields(sel('a(b),a'))).toBe('a(*,b)');
  });

  it.each([
    ['', 'Field name expected'],
    ['id,', 'Field name expected'],
    ['name(firstName', "Missing ')'"],
    ['name(firstName))', "Unexpected ')'"],
    ['a()', "Unexpected ')'"],
    ['a b', "Unexpected 'b'"],
    ['a;b', "Unexpected ';'"],
    [',a', "Unexpected ','"],
  ])('rejects %j with a position', (text, message) => {
    expect(() => parseFields(text)).toThrow(FieldsSyntaxError);
    expect(() => parseFields(text)).toThrow(message);
  });

  it('round-trips any well-formed selection (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,8}$/);
    const tree: fc.Arbitrary<FieldSelection> = fc.letrec<{ node: FieldSelection }>((tie) => ({
      node: fc.record({
        all: fc.boolean(),
        entries: fc.uniqueArray(fc.tuple(name, fc.option(tie('node'), { nil: null, depthSize: 'small' })), {
          selector: ([n]) => n, minLength: 1, maxLength: 4,
        }),
      }).map(({ all, entries }) => ({ all, fields: new Map(entries) })),
    })).node;
    fc.assert(fc.property(tree, (selection) => {
      const text = formatFields(selection);
      expect(formatFields(parseFields(text))).toBe(text);
    }));
  });

  it('never throws anything but FieldsSyntaxError on arbitrary input (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ',', '(', ')', '*', '!', '1', ' ', '-') }), (text) => {
      try {
        parseFields(text);
      } catch (error) {
        expect(error).toBeInstanceOf(FieldsSyntaxError);
      }
    }));
  });
});

describe('projectFields', () => {
  const manager = markExtended({ id: 'm1', username: 'boss', name: { firstName: 'Big', lastName: 'Boss' }, managers: [] as unknown[] }, ['managers']);
  const profile = markExtended({
    id: 'p1', username: 'alex', name: { firstName: 'Alex', lastName: 'Demo' }, about: null,
    emails: [{ id: 'e1', email: 'a@x.example' }], managers: [manager],
  }, ['managers']);

  it('without $fields returns default fields with value objects expanded and entity collections left out', () => {
    expect(projectFields(profile, null)).toEqual({
      id: 'p1', username: 'alex', name: { firstName: 'Alex', lastName: 'Demo' }, about: null,
      emails: [{ id: 'e1', email: 'a@x.example' }],
    });
  });

  it('returns exactly the selected fields, nested ones included', () => {
    expect(projectFields(profile, sel('id,name(firstName),managers(username)'))).toEqual({
      id: 'p1', name: { firstName: 'Alex' }, managers: [{ username: 'boss' }],
    });
  });

  it('a bare object field yields that object’s defaults', () => {
    expect(projectFields(profile, sel('name,managers'))).toEqual({
      name: { firstName: 'Alex', lastName: 'Demo' },
      managers: [{ id: 'm1', username: 'boss', name: { firstName: 'Big', lastName: 'Boss' } }],
    });
  });

  it('* adds the defaults of its level only, and combines with extended fields', () => {
    expect(projectFields(profile, sel('*'))).toEqual(projectFields(profile, null));
    expect(projectFields(profile, sel('*,managers(id)'))).toMatchObject({ id: 'p1', managers: [{ id: 'm1' }] });
  });

  it('keeps nulls, ignores unknown names and selects per polymorphic inheritor', () => {
    const principals = [
      { name: 'alex', details: { className: 'CUserPrincipalDetails', user: { id: 'p1', username: 'alex' } } },
      { name: 'bot', details: { className: 'CBuiltInServicePrincipalDetails', name: 'Automation' } },
    ];
    expect(projectFields(principals, sel('name,details(className,user(id),name),nope'))).toEqual([
      { name: 'alex', details: { className: 'CUserPrincipalDetails', user: { id: 'p1' } } },
      { name: 'bot', details: { className: 'CBuiltInServicePrincipalDetails', name: 'Automation' } },
    ]);
    expect(projectFields(profile, sel('about,unknownField'))).toEqual({ about: null });
  });

  it('projects Batch objects', () => {
    const batch = { next: '2', totalCount: 5, data: [profile, manager] };
    expect(projectFields(batch, sel('next,data(id)'))).toEqual({ next: '2', data: [{ id: 'p1' }, { id: 'm1' }] });
    expect(projectFields(batch, sel('id,username'))).toEqual({});
  });

  it('never leaks the extended-fields marker into JSON', () => {
    expect(JSON.stringify(projectFields(profile, sel('*')))).not.toContain('extended');
    expect(Object.keys(profile)).not.toContain('extended');
  });

  it('reports a cycle through default fields instead of overflowing the stack', () => {
    const a: Record<string, unknown> = { id: 'a' };
    a.self = a;
    expect(() => projectFields(a, null)).toThrow(/too deep/);
    expect(projectFields(a, sel('id,self(id)'))).toEqual({ id: 'a', self: { id: 'a' } });
  });

  it('output keys are a subset of the source keys and of the selection (property)', () => {
    const source = { a: 1, b: { c: 2, d: 3 }, e: [{ f: 4, g: 5 }], h: null };
    const names = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x');
    const selection = fc.uniqueArray(names, { minLength: 1 }).map((list) => list.join(','));
    fc.assert(fc.property(selection, (text) => {
      const out = projectFields(source, sel(text)) as Record<string, unknown>;
      for (const key of Object.keys(out)) {
        expect(Object.keys(source)).toContain(key);
        expect(text.split(',')).toContain(key);
      }
    }));
  });
});

describe('projectFields with entities inaccessible when nested', () => {
  const restricted = { inaccessibleWhenNested: new Set(['Person']) };
  const person = (id: string, username: string): Record<string, unknown> =>
    markKind(markExtended({ id, username, name: { firstName: 'F', lastName: 'L' }, about: null, managers: [] as unknown[] }, ['managers']), 'Person');
  const boss = person('b1', 'boss');
  const alex = person('p1', 'alex');
  (alex.managers as unknown[]).push(boss);
  const issue = { id: 'i1', title: 'T', assignee: alex, watchers: [boss], createdBy: { name: 'alex', details: { user: alex } } };
  const errors = (fields: string[]) => [{ className: INACCESSIBLE_FIELDS, fields, message: `Could not access following fields: ${fields.map((f) => `'${f}'`).join(', ')}` }];

  it('reduces a nested entity to its id and lists the other selected fields, at any depth and in arrays', () => {
    expect(projectFields(issue, sel('title,assignee(id,username,name(firstName)),watchers(username),createdBy(name,details(user(about)))'), restricted)).toEqual({
      title: 'T',
      assignee: { id: 'p1', $errors: errors(['username', 'name']) },
      watchers: [{ id: 'b1', $errors: errors(['username']) }],
      createdBy: { name: 'alex', details: { user: { id: 'p1', $errors: errors(['about']) } } },
    });
  });

  it('lists the default fields for a bare selection, `*` or no $fields, plus explicitly selected extended ones', () => {
    const defaults = errors(['username', 'name', 'about']);
    expect(projectFields(issue, sel('assignee'), restricted)).toEqual({ assignee: { id: 'p1', $errors: defaults } });
    expect(projectFields(issue, sel('assignee(*)'), restricted)).toEqual({ assignee: { id: 'p1', $errors: defaults } });
    expect(projectFields(issue, sel('assignee(*,managers(id))'), restricted)).toEqual({
      assignee: { id: 'p1', $errors: errors(['username', 'name', 'about', 'managers']) },
    });
    expect((projectFields(issue, null, restricted) as { assignee: unknown }).assignee).toEqual({ id: 'p1', $errors: defaults });
  });

  it('leaves out $errors when nothing but the id was asked for, and ignores unknown names', () => {
    expect(projectFields(issue, sel('assignee(id,nope)'), restricted)).toEqual({ assignee: { id: 'p1' } });
  });

  it('keeps top-level entities whole: the response itself, a top-level array and a top-level Batch', () => {
    const selection = sel('username,managers(username)');
    const reducedBoss = { id: 'b1', $errors: errors(['username']) };
    expect(projectFields(alex, selection, restricted)).toEqual({ username: 'alex', managers: [reducedBoss] });
    expect(projectFields([alex], selection, restricted)).toEqual([{ username: 'alex', managers: [reducedBoss] }]);
    const batch = markBatch({ next: '1', totalCount: 1, data: [alex] });
    expect(projectFields(batch, sel('data(username,managers(username))'), restricted)).toEqual({
      data: [{ username: 'alex', managers: [reducedBoss] }],
    });
    // Only a Batch's own `data`, and only at the top: a Batch-like object nested deeper, or an unmarked one, is not.
    expect(projectFields({ data: [alex] }, sel('data(username)'), restricted)).toEqual({ data: [{ id: 'p1', $errors: errors(['username']) }] });
    expect(projectFields({ wrap: batch }, sel('wrap(data(username))'), restricted)).toEqual({
      wrap: { data: [{ id: 'p1', $errors: errors(['username']) }] },
    });
  });

  it('withholds nothing without the option, or for kinds it does not name', () => {
    const selection = sel('assignee(username)');
    expect(projectFields(issue, selection)).toEqual({ assignee: { username: 'alex' } });
    expect(projectFields(issue, selection, { inaccessibleWhenNested: new Set(['Other']) })).toEqual({ assignee: { username: 'alex' } });
  });

  it('never leaks the markers into JSON', () => {
    const batch = markBatch({ next: '0', totalCount: 0, data: [] });
    expect(Object.keys(alex)).toEqual(['id', 'username', 'name', 'about', 'managers']);
    expect(JSON.stringify(batch)).toBe('{"next":"0","totalCount":0,"data":[]}');
  });
});
