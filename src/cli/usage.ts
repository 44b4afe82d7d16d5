/** Thrown for bad command-line usage; the CLI prints it and exits 2. */
export class UsageError extends Error {}
