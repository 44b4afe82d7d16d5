// Scans the SQL text of `op.execute(...)` for statements a reviewer must see: DROP, ALTER TABLE …
// DROP COLUMN, TRUNCATE, UPDATE / DELETE without WHERE, COMMIT. Comments and string literals are
// removed first, so a word inside them never counts. Dollar-quoted bodies (`DO $$ … $$`) are
// PL/pgSQL code and are scanned like SQL.

export type SqlProblemKind = 'drop' | 'drop-column' | 'truncate' | 'update-without-where' | 'delete-without-where' | 'commit';

export interface SqlProblem {
  kind: SqlProblemKind;
  /** The start of the statement, normalized (`DELETE FROM invoices`). */
  statement: string;
}

/** Replaces comments and string literals with spaces (keeping a `?` for a literal). */
export function stripSql(sql: string): string {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end;
      out += ' ';
    } else if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      out += ' ';
    } else if (c === "'") {
      const escapes = /[eE]/.test(sql[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? '');
      i++;
      while (i < n) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") break;
        else i++;
      }
      i++;
      out += ' ? ';
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      i = end < 0 ? n : end + 1;
      out += ' x ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const TOKEN = /\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$|[A-Za-z_][A-Za-z0-9_$]*|[;(),]|[^\sA-Za-z_;(),$]+|\$/g;
/** Words after which a new statement starts (PL/pgSQL blocks and branches). */
const OPENERS = new Set(['BEGIN', 'THEN', 'ELSE', 'LOOP']);
/** `ALTER TABLE … DROP <word>` that does not drop a column. */
const NOT_A_COLUMN = new Set(['CONSTRAINT', 'DEFAULT', 'NOT', 'IDENTITY', 'EXPRESSION']);

interface Statement {
  words: string[];
  depth: number;
}

export function scanSql(sql: string): SqlProblem[] {
  const tokens = stripSql(sql).match(TOKEN) ?? [];
  const problems: SqlProblem[] = [];
  // Open statements, innermost last: one per parenthesis level that started a statement.
  const open: Statement[] = [];
  let depth = 0;
  let leading = true;
  let cases = 0;

  const close = (st: Statement): void => {
    const [first, second] = st.words;
    const head = st.words.slice(0, 4).join(' ');
    if (first === 'DROP') problems.push({ kind: 'drop', statement: head });
    else if (first === 'TRUNCATE') problems.push({ kind: 'truncate', statement: head });
    else if (first === 'COMMIT') problems.push({ kind: 'commit', statement: head });
    else if ((first === 'UPDATE' || first === 'DELETE') && !st.words.includes('WHERE')) {
      problems.push({ kind: first === 'UPDATE' ? 'update-without-where' : 'delete-without-where', statement: head });
    } else if (first === 'ALTER' && second === 'TABLE') {
      for (let i = 2; i < st.words.length - 1; i++) {
        if (st.words[i] !== 'DROP' || NOT_A_COLUMN.has(st.words[i + 1]!)) continue;
        const column = st.words[i + 1] === 'COLUMN' ? st.words.slice(i + 2).find((w) => w !== 'IF' && w !== 'EXISTS') : st.words[i + 1];
        problems.push({ kind: 'drop-column', statement: `${st.words.slice(0, 3).join(' ')} DROP COLUMN ${column ?? ''}`.trim() });
      }
    }
  };
  const closeFrom = (level: number): void => {
    while (open.length && open[open.length - 1]!.depth >= level) close(open.pop()!);
  };

  for (const token of tokens) {
    if (token === ';' || (token.length > 1 && token.startsWith('$'))) {
      closeFrom(depth);
      leading = true;
      cases = 0;
    } else if (token === '(') {
      depth++;
      leading = true;
    } else if (token === ')') {
      closeFrom(depth);
      depth = Math.max(0, depth - 1);
      leading = false;
    } else if (!/^[A-Za-z_]/.test(token)) {
      leading = false;
    } else {
      const word = token.toUpperCase();
      const current = open[open.length - 1];
      if (leading) {
        if (current && current.depth === depth) close(open.pop()!);
        open.push({ words: [word], depth });
      } else if (current && current.depth === depth) {
        current.words.push(word);
      }
      if (word === 'CASE') cases++;
      else if (word === 'END' && cases > 0) cases--;
      leading = cases === 0 && OPENERS.has(word);
    }
  }
  closeFrom(0);
  return problems;
}
