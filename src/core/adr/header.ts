// The header zone (rule 5): `Key: value` lines and a status table between the title and the
// next heading.

import type { ScannedMarkdown } from '../markdown/scan.ts';
import { stripInlineComments } from '../markdown/scan.ts';
import { normalizeKey } from '../markdown/keys.ts';

export interface HeaderField {
  /** Normalized key (`decisionmakers`). */
  key: string;
  value: string;
  /** 0-based body line index. */
  index: number;
}

export interface HeaderZone {
  /** 0-based body line range [start, end). */
  start: number;
  end: number;
  fields: HeaderField[];
  /** Cells of the first data row of a table whose header has a `Status` cell, by normalized header. */
  table: { cells: Map<string, string>; index: number } | null;
  /** Body line indexes that carry metadata (key/value lines and the table). */
  metadataLines: Set<number>;
}

const KEY_VALUE =
  /^ {0,3}(?:[*+-][ \t]+)?(?:\*\*([^*]+?)\*\*[ \t]*:|\*\*([^*]+?):\*\*|__([^_]+?)__[ \t]*:|__([^_]+?):__|([\p{L}][\p{L}\p{N} _-]{0,40}?)[ \t]*:(?=[ \t]|$))(.*)$/u;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

export function parseKeyValue(line: string): { key: string; value: string } | null {
  const m = KEY_VALUE.exec(line);
  if (!m) return null;
  const key = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
  if (key === '') return null;
  return { key: normalizeKey(key), value: stripInlineComments(m[6] ?? '').trim() };
}

export function splitTableRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function headerCellKey(cell: string): string {
  return normalizeKey(cell.replace(/[*`]/g, ''));
}

export function readHeaderZone(scan: ScannedMarkdown, start: number, end: number): HeaderZone {
  const zone: HeaderZone = { start, end, fields: [], table: null, metadataLines: new Set() };
  for (let i = start; i < end; i++) {
    const line = scan.lines[i]!;
    if (line.code || line.comment) continue;
    const next = scan.lines[i + 1];
    if (line.text.includes('|') && next && i + 1 < end && DELIMITER_ROW.test(next.text) && next.text.includes('-')) {
      const headers = splitTableRow(line.text).map(headerCellKey);
      let j = i + 2;
      const isStatusTable = zone.table === null && headers.includes('status');
      const dataLine = scan.lines[j];
      if (isStatusTable && j < end && dataLine && dataLine.text.includes('|') && dataLine.text.trim() !== '') {
        const values = splitTableRow(dataLine.text);
        const cells = new Map<string, string>();
        headers.forEach((h, k) => {
          if (!cells.has(h)) cells.set(h, stripInlineComments(values[k] ?? '').trim());
        });
        zone.table = { cells, index: j };
      }
      // Skip the whole table so its rows are never read as key/value lines.
      while (j < end && scan.lines[j]!.text.includes('|') && scan.lines[j]!.text.trim() !== '') j++;
      if (isStatusTable) for (let k = i; k < j; k++) zone.metadataLines.add(k);
      i = j - 1;
      continue;
    }
    const kv = parseKeyValue(line.text);
    if (kv) {
      zone.fields.push({ ...kv, index: i });
      zone.metadataLines.add(i);
    }
  }
  return zone;
}

/** The first field (in file order) whose key is one of `keys` and whose value is not empty. */
export function findField(zone: HeaderZone, keys: string[]): HeaderField | null {
  return zone.fields.find((f) => keys.includes(f.key) && f.value !== '') ?? null;
}

/** The table cell under the first of `keys` that has a non-empty value. */
export function findCell(zone: HeaderZone, keys: string[]): { value: string; index: number } | null {
  if (!zone.table) return null;
  for (const key of keys) {
    const value = zone.table.cells.get(key);
    if (value) return { value, index: zone.table.index };
  }
  return null;
}
