/** A file the authoring commands want written. */
export interface FileEdit {
  /** Repo-relative path. */
  path: string;
  content: string;
  /** true: a new file, never written over an existing one; false: an update of a file that exists. */
  create: boolean;
}
