// A 10 MB ADR is read whole, in reasonable time, without taking the rest down with it.
import { describe, expect, it } from 'vitest';
import { expectIntact, expectWellFormed, goodFiles, loadBoth, makeRepo } from './repo.ts';

const line = 'Lorem ipsum dolor sit amet, see ADR-0001 and DB-001 about `users`, consectetur adipiscing.\n';

describe('a 10 MB ADR', () => {
  it('is read, summarised and linked; the other files are intact', async () => {
    const body = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const adr = `# 3. A very long record\n\nStatus: accepted\n\n## Decision\n\nWe keep everything. ${body}\n## Consequences\n\nThe end. See ADR-0002.\n`;
    expect(adr.length).toBeGreaterThan(10 * 1024 * 1024);
    const base = (await loadBoth(makeRepo(goodFiles))).json;
    const started = performance.now();
    const { k, json } = await loadBoth(makeRepo({ ...goodFiles, 'adr/0003-long.md': adr }));
    const seconds = (performance.now() - started) / 1000;
    expectWellFormed(k);
    const long = json.adrs.find((a) => a.path === 'adr/0003-long.md')!;
    expect(long).toMatchObject({ number: 3, title: 'A very long record', status: 'accepted', summary: 'We keep everything.' });
    expect(long.sections.map((s) => [s.heading, s.line])).toEqual([
      ['Decision', 5],
      ['Consequences', adr.split('\n').findIndex((l) => l === '## Consequences') + 1],
    ]);
    // Mentions far down the file are found, on the right line.
    const last = long.links.find((l) => l.ref === 'adr:0002-timestamps-with-time-zone');
    expect(last?.line).toBe(adr.split('\n').findIndex((l) => l.includes('ADR-0002')) + 1);
    expectIntact(base, json, ['adr/0003-long.md']);
    // Two loads (one thread, then the parallel path): generous, but catches anything quadratic.
    expect(seconds).toBeLessThan(30);
  }, 120_000);
});
