// The template header inside the docstring (spec §6): informational only, never used for edges.

import type { Diagnostic } from '../model.ts';
import { pyStrip } from './pystring.ts';

export interface HeaderBlock {
  revisionId: string | null;
  revises: string[] | null;
  createDate: string | null;
}

// `[ \t]*` after the colon, so that an empty value does not swallow the next line.
const FIELD = {
  revisionId: /^[ \t]*Revision ID:[ \t]*(.*)$/m,
  revises: /^[ \t]*Revises:[ \t]*(.*)$/m,
  createDate: /^[ \t]*Create Date:[ \t]*(.*)$/m,
};

/** Reads the header lines from `longdoc`; a missing line gives null. */
export function parseHeader(longdoc: string): HeaderBlock {
  const revisionId = FIELD.revisionId.exec(longdoc);
  const revises = FIELD.revises.exec(longdoc);
  const createDate = FIELD.createDate.exec(longdoc);
  return {
    revisionId: revisionId ? pyStrip(revisionId[1]!) : null,
    revises: revises ? parseRevises(revises[1]!) : null,
    createDate: createDate ? pyStrip(createDate[1]!) : null,
  };
}

/** `a, b`, `None`, `('a', 'b')`, `` (base) → ids. */
export function parseRevises(value: string): string[] {
  const text = pyStrip(value).replace(/^[([]|[)\]]$/g, '');
  if (pyStrip(text) === 'None') return [];
  return text
    .split(',')
    .map((part) => pyStrip(part).replace(/^(['"])(.*)\1$/, '$2'))
    .filter((id) => id !== '');
}

/** Header lines that disagree with the variables (§6), as `migration/header-mismatch` warnings. */
export function headerMismatches(
  header: HeaderBlock,
  revision: string,
  downRevisions: string[] | null,
  path: string,
  lines: { revisionId: number | null; revises: number | null },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (header.revisionId !== null && header.revisionId !== revision) {
    out.push({
      code: 'migration/header-mismatch',
      severity: 'warning',
      path,
      line: lines.revisionId,
      message: `the docstring header says "Revision ID: ${header.revisionId}" but \`revision\` is "${revision}"; Alembic uses the variable: fix the header`,
    });
  }
  if (header.revises !== null && downRevisions !== null) {
    const declared = new Set(header.revises.filter((id) => id !== ''));
    const actual = new Set(downRevisions.filter((id) => id !== ''));
    const same = declared.size === actual.size && [...declared].every((id) => actual.has(id));
    if (!same) {
      out.push({
        code: 'migration/header-mismatch',
        severity: 'warning',
        path,
        line: lines.revises,
        message: `the docstring header says "Revises: ${header.revises.join(', ')}" but \`down_revision\` is ${
          actual.size === 0 ? 'empty' : `"${[...actual].join(', ')}"`
        }; Alembic uses the variable: fix the header`,
      });
    }
  }
  return out;
}

/** `Create Date` read leniently: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` as written, else null. */
export function parseCreateDate(raw: string | null): string | null {
  if (raw === null) return null;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[ \t]+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(pyStrip(raw));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = `${m[1]}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined) return date;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (hour > 23 || minute > 59 || second > 59) return date; // impossible time: keep the date
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
