import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRng } from '../../differential/random.ts';
import { copyDemo, lore } from './helpers.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('lore bundle is deterministic', () => {
  it('gives byte-identical files across time zones, locales, working folders and file creation order', () => {
    const a = copyDemo((files) => files);
    const b = copyDemo((files) => createRng(42).shuffle(files));
    made.push(a, b);

    // Run A: inside the copy, relative root, UTC and a C locale.
    const ra = lore(['bundle', '.'], { cwd: a, env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } });
    // Run B: from elsewhere, absolute root, a far time zone and a Turkish locale (dotless i sorts differently).
    const rb = lore(['bundle', b], { cwd: tmpdir(), env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } });
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    for (const path of ['CLAUDE.md', 'AGENTS.md', 'content/migrations/CLAUDE.md']) {
      const x = readFileSync(join(a, path));
      const y = readFileSync(join(b, path));
      expect(x.equals(y), path).toBe(true);
    }
    // --stdout gives the same CLAUDE.md without writing.
    const out = lore(['bundle', b, '--stdout'], { env: { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8' } });
    expect(out.stdout).toBe(readFileSync(join(a, 'CLAUDE.md'), 'utf8'));
  });
});
