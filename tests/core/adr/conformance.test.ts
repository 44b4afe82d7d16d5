import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAdrDirectory } from '../../../src/core/adr/read.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const suite = path.join(here, 'conformance');
const repoRoot = path.resolve(here, '../../..');
const FIELDS = [
  'path',
  'id',
  'number',
  'title',
  'status',
  'statusRaw',
  'date',
  'deciders',
  'tags',
  'supersedes',
  'supersededBy',
] as const;

const cases = fs
  .readdirSync(suite, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('ADR conformance suite', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(suite, name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
        adrs: Record<string, unknown>[];
        notAdrs: string[];
      };
      const result = readAdrDirectory(repoRoot, dir);
      const actual = result.adrs.map((adr) => Object.fromEntries(FIELDS.map((f) => [f, adr[f]])));
      expect(actual).toEqual(expected.adrs);
      for (const skipped of expected.notAdrs) {
        expect(result.adrs.map((a) => a.path)).not.toContain(skipped);
        expect(result.notAdrs).toContain(skipped);
      }
      expect(result.notAdrs).toEqual(expected.notAdrs);
    });
  }
});
