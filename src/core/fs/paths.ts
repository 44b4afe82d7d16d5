// Paths of many files in few folders: `join` and `relative` normalize their whole arguments, which
// costs more than everything else when a folder holds tens of thousands of files. These helpers do
// that work once per folder and append the entry name, with exactly the same results.
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * What `join(dir, name)` puts before `name`, for every `name` read from `dir`'s listing (no
 * separator, never `.` or `..`): `join(dir, name) === joinPrefix(dir) + name`.
 */
export function joinPrefix(dir: string): string {
  // join normalizes `dir` the same way whatever plain name follows it.
  return join(dir, '_').slice(0, -1);
}

/**
 * `relative(from, join(dir, name))` for entry names as above, with `relative` run once per folder.
 * Outside `from` the path could lead back into it, so there each file gets its own `relative`.
 */
export function relativeFrom(from: string): (dir: string, name: string) => string {
  const folders = new Map<string, string>();
  return (dir, name) => {
    let rel = folders.get(dir);
    if (rel === undefined) folders.set(dir, (rel = relative(from, dir)));
    if (rel === '') return name;
    if (rel.startsWith('..') || isAbsolute(rel)) return relative(from, join(dir, name));
    return rel + sep + name;
  };
}
