import { describe, it, expect } from 'vitest';
import { findDate, isValidDate } from '../../../src/core/adr/date.ts';

describe('findDate', () => {
  it.each([
    ['2024-02-12', '2024-02-12'],
    ['2024/02/12', '2024-02-12'],
    ['2024-02-21T15:19:00+01:00', '2024-02-21'],
    ['2024-02-21T23:59:59-11:00', '2024-02-21'],
    ['05/03/2021', '2021-03-05'],
    ['5.3.2021', '2021-03-05'],
    ['11/03/2021', '2021-03-11'],
    ['November 20, 2024', '2024-11-20'],
    ['Nov 20 2024', '2024-11-20'],
    ['Nov. 20th, 2024', '2024-11-20'],
    ['20 November 2024', '2024-11-20'],
    ['1st Feb 2023', '2023-02-01'],
    ['2023-02-13, updated 2024-05-02', '2023-02-13'],
    ['updated 3 March 2024 (first 2023-01-01)', '2024-03-03'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it('reads day first and never re-reads an impossible month as month first', () => {
    expect(findDate('12/25/2024')).toBeNull();
    expect(findDate('25/12/2024')).toBe('2024-12-25');
  });

  it.each(['2024-05', '{YYYY-MM-DD}', '2023-02-29', '2024-13-01', '2024-04-31', 'Feb 30, 2024', 'yesterday', '', '20240115'])(
    'finds no date in %j',
    (text) => {
      expect(findDate(text)).toBeNull();
    },
  );

  it('skips an invalid date and takes the next valid one', () => {
    expect(findDate('2024-02-30 or rather 2024-03-01')).toBe('2024-03-01');
  });
});

describe('isValidDate', () => {
  it('knows leap years', () => {
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2024, 0, 1)).toBe(false);
  });
});
