import { describe, expect, it } from 'vitest';
import { batchFields, fields, nest } from './fields.ts';

describe('$fields builder', () => {
  it('joins names and nests selections', () => {
    expect(fields('id', 'username', nest('name', 'firstName', 'lastName'))).toBe('id,username,name(firstName,lastName)');
  });

  it('nests deeply', () => {
    expect(fields(nest('createdBy', 'name', nest('details', 'className', nest('user', 'id', 'username')))))
      .toBe('createdBy(name,details(className,user(id,username)))');
  });

  it('wraps a batch selection', () => {
    expect(batchFields('id', nest('name', 'firstName'))).toBe('next,totalCount,data(id,name(firstName))');
  });

  it('merges repeated selections, keeping first-seen order', () => {
    expect(fields('id', nest('name', 'firstName'), 'id', nest('name', 'lastName', 'firstName'))).toBe('id,name(firstName,lastName)');
  });

  it('keeps the defaults of a bare name merged with a nested one', () => {
    expect(fields('name', nest('name', 'extra'))).toBe('name(*,extra)');
  });

  it('accepts * and recursive selections', () => {
    expect(fields('*', nest('managers', 'id'), 'nestedResources!2')).toBe('*,managers(id),nestedResources!2');
  });

  it.each(['', 'a,b', 'a(b)', 'a b', 'a)', '1abc', 'name('])('rejects the invalid name %j', (name) => {
    expect(() => fields(name)).toThrow(/invalid field name/);
  });

  it('rejects empty selections', () => {
    expect(() => fields()).toThrow();
    expect(() => nest('name')).toThrow();
  });
});
