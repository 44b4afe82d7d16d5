// The model does not depend on where or how it is read: two copies of the demo, written in
// opposite orders with different timestamps, read under different time zones, locales and
// working folders, give byte-identical `lore inspect --json` and `lore check --format json`.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDemo, run, type Variant } from './copies.ts';

describe('determinism of the model', () => {
  it('two copies, opposite creation order, different TZ, locale and working folder: byte-identical JSON', { timeout: 120_000 }, () => {
    const a = copyDemo('forward');
    const b = copyDemo('reverse');
    const variants: Variant[] = [
      { root: a, cwd: a, env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } },
      { root: b, cwd: join(b, 'content'), env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } },
      { root: b, cwd: tmpdir(), env: { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', LANGUAGE: 'de' } },
    ];
    for (const args of [['inspect', '--json'], ['check', '--format', 'json']]) {
      const outputs = variants.map((v) => run(args, v));
      for (const o of outputs) {
        expect(o.stderr, args.join(' ')).toBe('');
        expect(o.code, args.join(' ')).toBe(0);
        expect(o.stdout.length).toBeGreaterThan(1000);
      }
      for (const o of outputs.slice(1)) expect(o.stdout === outputs[0]!.stdout, `${args.join(' ')} differs between variants`).toBe(true);
      // The repository's location never leaks into the output.
      for (const v of variants) expect(outputs[0]!.stdout).not.toContain(v.root);
    }
  });
});
