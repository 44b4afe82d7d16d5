// Front matter: a YAML mapping between a first `---` line and the next `---` or `...` line.
import { parse, YAMLParseError } from 'yaml';

export interface FrontMatter {
  /** The mapping, or null when there is none (or it could not be read). */
  data: Record<string, unknown> | null;
  /** The markdown after the front matter. */
  body: string;
  /** 1-based file line where `body` starts. */
  bodyLine: number;
  /** Why the front matter was ignored, with the file line. */
  error: { message: string; line: number } | null;
}

/** Scalars are read as text (failsafe schema): `2024-02-12` stays a string, `0042` is not octal. */
export function parseFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { data: null, body: text, bodyLine: 1, error: null };
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!.trimEnd();
    if (l === '---' || l === '...') {
      end = i;
      break;
    }
  }
  if (end < 0) {
    return { data: null, body: text, bodyLine: 1, error: { message: 'front matter opened with `---` on line 1 is never closed: add a closing `---` line', line: 1 } };
  }
  const yamlText = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  const bodyLine = end + 2;
  try {
    const data: unknown = parse(yamlText, { schema: 'failsafe', uniqueKeys: false, maxAliasCount: 50 });
    if (data === null || data === undefined) return { data: {}, body, bodyLine, error: null };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: null, body, bodyLine, error: { message: 'front matter is not a mapping of `key: value` lines', line: 2 } };
    }
    return { data: data as Record<string, unknown>, body, bodyLine, error: null };
  } catch (err) {
    const line = err instanceof YAMLParseError && err.linePos ? err.linePos[0].line + 1 : 2;
    const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { data: null, body, bodyLine, error: { message: `front matter is not valid YAML (${reason})`, line } };
  }
}

/** Case-insensitive key lookup ignoring `-`, `_` and spaces (`Decision-Makers` = `decisionmakers`). */
export function frontMatterValue(data: Record<string, unknown> | null, ...keys: string[]): unknown {
  if (!data) return undefined;
  const norm = (k: string) => k.toLowerCase().replace(/[-_ ]/g, '');
  const wanted = keys.map(norm);
  for (const key of wanted) {
    for (const [k, v] of Object.entries(data)) if (norm(k) === key) return v;
  }
  return undefined;
}

/** A front-matter value as a list of trimmed, non-empty strings. */
export function frontMatterList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((v) => (typeof v === 'string' ? [v.trim()] : [])).filter(Boolean);
}
