// Rule 7: the first valid calendar date in a metadata value, as `YYYY-MM-DD`.

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

interface Pattern {
  regex: RegExp;
  read: (m: RegExpExecArray) => [number, number, number];
}

const PATTERNS: Pattern[] = [
  // 2024-02-21, 2024/02/21 (a trailing time and zone are simply not part of the match)
  { regex: /(?<!\d)(\d{4})([-/])(\d{2})\2(\d{2})(?!\d)/g, read: (m) => [+m[1]!, +m[3]!, +m[4]!] },
  // 05/03/2021, 5.3.2021: always day first
  { regex: /(?<![\d./])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?!\d)/g, read: (m) => [+m[4]!, +m[3]!, +m[1]!] },
  // November 20, 2024 / Nov. 20th 2024
  {
    regex: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})(?!\\d)`, 'gi'),
    read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
  // 20 November 2024 / 20th Nov, 2024
  {
    regex: new RegExp(`(?<!\\d)${DAY}\\s+${MONTH},?\\s+(\\d{4})(?!\\d)`, 'gi'),
    read: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
];

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first valid date in `text`, scanning left to right, or null. */
export function findDate(text: string): string | null {
  const found: { index: number; date: string }[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const [y, mo, d] = pattern.read(m);
      if (isValidDate(y, mo, d)) {
        found.push({ index: m.index, date: formatDate(y, mo, d) });
        break; // later matches of the same pattern cannot come first
      }
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found[0]?.date ?? null;
}
