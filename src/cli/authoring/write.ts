// Writing the authoring commands' edits: new files are created exclusively (never over an existing
// file), updates replace files that exist.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileEdit } from '../../core/authoring/edits.ts';

export interface Written {
  written: string[];
  /** New files that exist already (left as they are). */
  skipped: string[];
}

export function writeEdits(root: string, edits: FileEdit[]): Written {
  const out: Written = { written: [], skipped: [] };
  for (const edit of edits) {
    const abs = join(root, edit.path);
    mkdirSync(dirname(abs), { recursive: true });
    try {
      writeFileSync(abs, edit.content, { flag: edit.create ? 'wx' : 'w' });
      out.written.push(edit.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') out.skipped.push(edit.path);
      else throw err;
    }
  }
  return out;
}

/** `YYYY-MM-DD` of a moment, in local time (the user's "today"). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
