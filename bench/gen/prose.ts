// Filler prose: plausible sentences about database decisions, wrapped like hand-written Markdown.
import type { Rng } from '../../tests/differential/random.ts';
import { PURPOSES, TECH } from './words.ts';

const SENTENCES: ((rng: Rng, table: string) => string)[] = [
  (r, t) => `The \`${t}\` table grows by about ${r.int(2, 900)} thousand rows a day.`,
  (r) => `Support asked for ${r.pick(PURPOSES)} twice in the last quarter.`,
  (r, t) => `Queries against \`${t}\` take ${r.int(40, 4000)} ms at the 99th percentile.`,
  (r) => `We considered ${r.pick(TECH)}, but it adds an operational burden we cannot staff.`,
  (r) => `The team agreed to revisit this after ${r.int(2, 12)} months in production.`,
  () => 'A migration that locks a large table for minutes is an outage for every tenant.',
  (r) => `This keeps ${r.pick(PURPOSES)} consistent across services.`,
  (r, t) => `Every write to \`${t}\` must carry the tenant id, or the row is rejected.`,
  () => 'Reviewers check the generated SQL, not just the Python migration.',
  (r) => `Rolling back must be possible within ${r.int(5, 60)} minutes of a release.`,
  (r) => `The cost is roughly ${r.int(1, 9)} engineer-weeks, most of it in backfills.`,
  (r) => `Existing reports that depend on ${r.pick(PURPOSES)} keep working unchanged.`,
  () => 'Nothing in the application may write to these rows after the fact.',
  (r, t) => `An index on \`${t}\` is created concurrently so writes are not blocked.`,
  (r) => `We measured ${r.int(3, 40)}% less storage after the change on a copy of production.`,
  () => 'The decision can be reversed, but reversing it needs a data migration.',
];

export function sentence(rng: Rng, table: string): string {
  return rng.pick(SENTENCES)(rng, table);
}

/** Wraps words into lines of at most `width` characters. */
export function wrap(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A paragraph of `min`..`max` sentences, wrapped. */
export function paragraph(rng: Rng, tables: readonly string[], min = 2, max = 5, extra: string[] = []): string[] {
  const parts = Array.from({ length: rng.int(min, max) }, () => sentence(rng, rng.pick(tables)));
  return wrap([...parts, ...extra].join(' '));
}

export function slugify(text: string, max = 60): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '');
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 to `YYYY-MM-DD` (UTC, no Date.now involved). */
export function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}
