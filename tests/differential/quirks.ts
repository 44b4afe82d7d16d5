// Rarer, still valid, ways of writing a migration file: the spots where a static reader most
// easily disagrees with Python (alembic-format.md §2–§5). Each helper is applied with a small
// probability by generate.ts.
import type { Rng } from './random.ts';

/** File-name prefixes whose code-point order differs from UTF-16 order and from locale order. */
export const NAME_PREFIXES = ['A', 'Z', '_', 'a', '0', '~', 'é', 'Ω', 'ｆ', '😀', '𝒳', 'ß'];

export interface Docstring {
  /** Source text of the docstring statement. */
  source: string;
  /** The file must be written in Latin-1 with a coding cookie. */
  latin1?: boolean;
}

/**
 * A docstring that exercises literal decoding and Python's strip. `msg` must hold no quote or
 * backslash characters; `header` is the template header block.
 */
export function trickyDocstring(rng: Rng, msg: string, header: string): Docstring {
  switch (rng.int(0, 9)) {
    case 0: // escapes in a non-raw literal; an unknown escape such as \d is kept as written
      return { source: `"""${msg}: caf\\u00e9 \\x41\\101\\tok \\d+ a\\\\b\n\n${header}"""` };
    case 1: // escaped newlines in a one-line literal: the paragraph break comes from escapes
      return { source: `"${msg}\\nsecond line\\n\\n${header.replaceAll('\n', '\\n')}"` };
    case 2: // backslash-newline continues the line
      return { source: `"""${msg} \\\ncontinued here\n\n${header}"""` };
    case 3: // parenthesised implicit concatenation of differently quoted pieces
      return { source: `(\n    "${msg} "\n    'and more'\n    r" \\d"\n)` };
    case 4:
      return { source: `u"""${msg}\n\n${header}"""` };
    case 5:
      return { source: `'${msg}'` };
    case 6: // the docstring statement shares its line
      return { source: `"""${msg}\n\n${header}"""; _doc_seen = True` };
    case 7: // Unicode spaces around the message are stripped by Python (NBSP, ideographic, em)
      return { source: `"""\u00a0\u3000${msg}\u2003\n\n${header}"""` };
    case 8:
      return { source: `"""${msg}: café naïve façade\n\n${header}"""`, latin1: true };
    default: // two messages separated by a line of spaces and tabs (no paragraph break)
      return { source: `"""${msg}\n \t \nstill the message\n\n${header}"""` };
  }
}

/** A string literal for a revision id, with an unusual prefix or split in two. */
export function oddIdLiteral(rng: Rng, id: string): string {
  if (id.length >= 4 && rng.chance(0.4)) {
    const k = rng.int(1, id.length - 1);
    return `'${id.slice(0, k)}' "${id.slice(k)}"`;
  }
  return `${rng.pick(['u', 'r', 'U', 'R'])}'${id}'`;
}

/**
 * Reshapes the variable lines (`revision = …`, `down_revision = …`, …) in one of the ways
 * Python accepts; `hasRevision` is false for a legacy file named after its hex id.
 */
export function reshapeVariables(rng: Rng, lines: string[], hasRevision: boolean): string[] {
  const find = (name: string): number => lines.findIndex((l) => l.startsWith(`${name} =`) || l.startsWith(`${name}:`));
  const value = (line: string): string => line.slice(line.indexOf(' = ') + 3);
  const out = [...lines];
  const rev = find('revision');
  const down = find('down_revision');
  switch (rng.int(0, 6)) {
    case 0: // the last assignment wins
      if (hasRevision) out.unshift(`revision = 'placeholder_rev'`, 'down_revision = None');
      break;
    case 1: {
      const bl = find('branch_labels');
      const dep = find('depends_on');
      if (bl >= 0 && dep >= 0 && value(out[bl] as string) === 'None' && value(out[dep] as string) === 'None') {
        out[bl] = 'branch_labels = depends_on = None';
        out.splice(dep, 1);
      }
      break;
    }
    case 2: // tuple unpacking
      if (rev >= 0 && down === rev + 1) {
        out.splice(rev, 2, `revision, down_revision = ${value(out[rev] as string)}, ${value(out[down] as string)}`);
      }
      break;
    case 3: // two statements on one line
      if (rev >= 0 && down === rev + 1) out.splice(rev, 2, `${out[rev]}; ${out[down]}`);
      break;
    case 4: // explicit line continuation
      if (down >= 0) out[down] = (out[down] as string).replace(' = ', ' = \\\n    ');
      break;
    case 5: // a conditional assignment before the real one does not count
      if (hasRevision) out.unshift('if False:', "    revision = 'never_used'");
      break;
    default: // assignments inside a function do not count
      out.push('', '', 'def _not_module_level():', "    revision = 'inner'", "    down_revision = 'inner_parent'", '    return revision, down_revision');
  }
  return out;
}

/** Files Alembic does not load; a reader that loaded them would see duplicate revisions. */
export function junkFiles(rng: Rng, real: { name: string; text: string }[]): { name: string; text: string }[] {
  const donor = rng.pick(real);
  const all = [
    { name: 'README.md', text: '# Versions\n\nOne file per revision.\n' },
    { name: 'notes.txt', text: 'revision = "not_python"\n' },
    { name: `.#${donor.name}`, text: donor.text },
    { name: `${donor.name}.bak`, text: donor.text },
    { name: donor.name.replace(/\.py$/, '.PY'), text: donor.text },
    { name: `archive/${donor.name}`, text: donor.text },
  ];
  return rng.sample(all, rng.int(1, 3));
}
