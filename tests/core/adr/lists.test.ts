import { describe, it, expect } from 'vitest';
import { splitDeciders, splitIdentifiers, splitTags } from '../../../src/core/adr/lists.ts';

describe('splitDeciders', () => {
  it('splits strings on commas and semicolons and keeps case and handles', () => {
    expect(splitDeciders('Ana Ruiz, Li Wei; @tnowak')).toEqual(['Ana Ruiz', 'Li Wei', '@tnowak']);
    expect(splitDeciders(' , ')).toEqual([]);
  });

  it('takes YAML lists item by item', () => {
    expect(splitDeciders(['Tomasz Nowak', ' Oluwaseun, Adeyemi ', ''])).toEqual(['Tomasz Nowak', 'Oluwaseun, Adeyemi']);
  });
});

describe('splitTags', () => {
  it('splits on commas when there is one, otherwise on whitespace', () => {
    expect(splitTags('database postgres  tenants')).toEqual(['database', 'postgres', 'tenants']);
    expect(splitTags('encoding, api design')).toEqual(['encoding', 'api design']);
  });

  it('removes a leading # and keeps case and order', () => {
    expect(splitTags('#Billing #db')).toEqual(['Billing', 'db']);
    expect(splitTags(['#a', 'B', ' '])).toEqual(['a', 'B']);
  });
});

describe('splitIdentifiers', () => {
  it('splits strings on commas and whitespace', () => {
    expect(splitIdentifiers('a1b2c3, d4e5f6 users')).toEqual(['a1b2c3', 'd4e5f6', 'users']);
    expect(splitIdentifiers(['users', ' tenants '])).toEqual(['users', 'tenants']);
  });
});
