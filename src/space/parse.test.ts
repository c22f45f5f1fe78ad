import { describe, expect, it } from 'vitest';
import { Reader, ShapeError, readArray } from './parse.ts';

const shapeErrorOf = (fn: () => unknown): ShapeError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShapeError) return e;
    throw e;
  }
  throw new Error('expected a ShapeError');
};

describe('Reader', () => {
  const r = Reader.of({
    s: 'text', empty: '', n: 3.5, i: 42, b: true, nil: null,
    o: { inner: 'x' }, a: [1, 'two', 3], objs: [{ v: 1 }, { v: 2 }],
    when: { iso: '2024-05-10T19:14:16.438Z', timestamp: 1715368456438 },
    whenIsoOnly: { iso: '2024-05-10T19:14:16.438Z' },
    ms: 1736937000000,
    day: { iso: '2024-05-10' },
  });

  it('reads required values', () => {
    expect(r.str('s')).toBe('text');
    expect(r.num('n')).toBe(3.5);
    expect(r.int('i')).toBe(42);
    expect(r.bool('b')).toBe(true);
    expect(r.obj('o').str('inner')).toBe('x');
    expect(r.arr('a')).toHaveLength(3);
    expect(r.objects('objs').map((o) => o.num('v'))).toEqual([1, 2]);
  });

  it('reads optional values, treating null like missing', () => {
    expect(r.optStr('nil')).toBeNull();
    expect(r.optStr('missing')).toBeNull();
    expect(r.optNum('missing')).toBeNull();
    expect(r.optBool('nil', true)).toBe(true);
    expect(r.optObj('nil')).toBeNull();
    expect(r.optArr('missing')).toEqual([]);
    expect(r.objects('missing')).toEqual([]);
    expect(r.strings('a')).toEqual(['two']);
    expect(r.has('nil')).toBe(false);
    expect(r.has('s')).toBe(true);
  });

  it('reads Space dates', () => {
    expect(r.optTimestamp('when')).toBe(1715368456438);
    expect(r.optTimestamp('whenIsoOnly')).toBe(1715368456438);
    expect(r.optTimestamp('ms')).toBe(1736937000000);
    expect(r.optTimestamp('missing')).toBeNull();
    expect(r.optDate('day')).toBe('2024-05-10');
    expect(r.optDate('when')).toBe('2024-05-10');
    expect(r.optDate('nil')).toBeNull();
  });

  it.each([
    [() => r.str('n'), '$.n', 'a string'],
    [() => r.str('missing'), '$.missing', 'a string'],
    [() => r.id('empty'), '$.empty', 'a non-empty string'],
    [() => r.num('s'), '$.s', 'a number'],
    [() => r.int('n'), '$.n', 'a non-negative integer'],
    [() => r.bool('s'), '$.s', 'a boolean'],
    [() => r.obj('a'), '$.a', 'an object'],
    [() => r.obj('o').str('missing'), '$.o.missing', 'a string'],
    [() => r.objects('a'), '$.a[0]', 'an object'],
    [() => r.optTimestamp('s'), '$.s', 'an object'],
    [() => Reader.of({ d: { iso: 'later' } }).optTimestamp('d'), '$.d', 'a date-time'],
    [() => r.optDate('n'), '$.n', 'an object'],
    [() => Reader.of({ d: { iso: 'yesterday' } }).optDate('d'), '$.d', 'a date'],
    [() => Reader.of({ n: Number.NaN }).num('n'), '$.n', 'a number'],
  ])('names the path of a bad field (%#)', (fn, path, expected) => {
    const e = shapeErrorOf(fn);
    expect(e.path).toBe(path);
    expect(e.expected).toBe(expected);
  });

  it('never puts body values into the error', () => {
    const e = shapeErrorOf(() => Reader.of({ secret: 'tok_SENTINEL_123' }).num('secret'));
    expect(e.message).not.toContain('tok_SENTINEL_123');
  });

  it('reads top-level arrays', () => {
    expect(readArray([{ a: 1 }]).map((x) => x.num('a'))).toEqual([1]);
    expect(shapeErrorOf(() => readArray({})).path).toBe('$');
    expect(shapeErrorOf(() => readArray([1])).path).toBe('$[0]');
  });
});

describe('Reader and inline $errors (space-api.md §3, §12)', () => {
  const inaccessible = (fields: unknown, className = 'HA_InlineError.InaccessibleFields') => ({ className, fields, message: '…' });

  it('lists the fields every $errors entry names', () => {
    const r = Reader.of({ id: 'x', $errors: [inaccessible(['username', 'name']), inaccessible(['emails'], 'HA_InlineError.Other')] });
    expect([...r.inaccessible()].sort()).toEqual(['emails', 'name', 'username']);
    expect(r.withheld('username')).toBe(true);
    expect(r.withheld('id')).toBe(false);
    expect(r.withheld('phones')).toBe(false);
  });

  it('a listed field that is present anyway is read, not withheld', () => {
    const r = Reader.of({ username: 'jo', $errors: [inaccessible(['username'])] });
    expect(r.withheld('username')).toBe(false);
    expect(r.strOr('username', 'fallback')).toBe('jo');
  });

  it.each([undefined, null, 'text', 42, {}, [null, 'x', { fields: 'username' }, { fields: [1, null, ''] }]])(
    'ignores a malformed $errors (%j)', ($errors) => {
      expect(Reader.of({ $errors }).inaccessible().size).toBe(0);
    });

  it('the …Or readers fall back only for withheld fields; absent otherwise is still a ShapeError', () => {
    const r = Reader.of({ $errors: [inaccessible(['title', 'number', 'id', 'status'])] });
    expect(r.strOr('title', 'ABC-T-1')).toBe('ABC-T-1');
    expect(r.intOr('number', 7)).toBe(7);
    expect(r.idOr('id', 'k')).toBe('k');
    expect(r.objOr('status')).toBeNull();
    expect(shapeErrorOf(() => r.strOr('name', 'x')).path).toBe('$.name');
    expect(shapeErrorOf(() => r.objOr('projectRef')).path).toBe('$.projectRef');
  });

  it('passes dotted names down to the nested object', () => {
    const r = Reader.of({ name: { firstName: 'Jo' }, $errors: [inaccessible(['name.lastName'])] });
    expect(r.obj('name').withheld('lastName')).toBe(true);
    expect(r.withheldWithin('name')).toBe(true);
    expect(r.looseObj('name')?.withheld('lastName')).toBe(true);
  });

  it('a date whose iso is withheld reads as absent', () => {
    const r = Reader.of({ due: { $errors: [inaccessible(['iso'])] }, at: { $errors: [inaccessible(['iso', 'timestamp'])] } });
    expect(r.optDate('due')).toBeNull();
    expect(r.optTimestamp('at')).toBeNull();
    expect(r.withheldWithin('due')).toBe(true);
  });

  it('loose readers never fail', () => {
    const r = Reader.of({ s: 1, o: 'x', list: [1, { a: 'b' }, null] });
    expect(r.looseStr('s')).toBeNull();
    expect(r.looseObj('o')).toBeNull();
    expect(r.looseObjects('list').map((x) => x.looseStr('a'))).toEqual(['b']);
    expect(r.looseObjects('missing')).toEqual([]);
  });
});
