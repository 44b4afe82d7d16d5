// Folder listings for one run: each folder is read and sorted once, however many finders look at
// it (discovery, the environment finder, the version-location scan). Create one per run and
// drop it afterwards; it never notices later changes on disk.
import { readdirSync, type Dirent } from 'node:fs';
import { compareCodePoints } from '../text.ts';

export interface Listing {
  /** The folder's entries in code-point order of their names; [] when it could not be read. */
  entries: readonly Dirent[];
  /** Why the folder could not be read, or null. */
  error: NodeJS.ErrnoException | null;
}

export class FolderListings {
  readonly #cache = new Map<string, Listing>();

  /** The listing of `dir` (keyed by the path as given: the same folder under two spellings is read twice). */
  list(dir: string): Listing {
    let listing = this.#cache.get(dir);
    if (listing === undefined) {
      listing = read(dir);
      this.#cache.set(dir, listing);
    }
    return listing;
  }

  /** The sorted entries of `dir`, [] when it could not be read. */
  entries(dir: string): readonly Dirent[] {
    return this.list(dir).entries;
  }
}

function read(dir: string): Listing {
  try {
    return { entries: sortByName(readdirSync(dir, { withFileTypes: true })), error: null };
  } catch (err) {
    return { entries: [], error: err as NodeJS.ErrnoException };
  }
}

/** Code-point order of the names (what every sorted list in the model uses). */
function sortByName(entries: Dirent[]): Dirent[] {
  return entries.sort((a, b) => compareCodePoints(a.name, b.name));
}
