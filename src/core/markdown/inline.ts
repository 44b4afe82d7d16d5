// Inline markdown pieces of one prose line: links, code spans and the remaining text.

export interface InlineLink {
  text: string;
  url: string;
}

export interface InlineParts {
  links: InlineLink[];
  code: string[];
  /** The line with code spans and link targets blanked out (link texts kept). */
  text: string;
}

const codeSpan = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
// Bounded, and the target matched atomically (`(?=(…))\2`): a line of thousands of unclosed
// `[a](` would otherwise make every start rescan the rest of the line (quadratic).
const link = /!?\[((?:[^\[\]\\]|\\.|\[[^\]]{0,500}\]){0,1000})\]\(\s*<?(?=([^\s)>]{0,2048}))\2>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const autolink = /<((?:https?|mailto):[^>\s]+)>/g;

export function inlineParts(line: string): InlineParts {
  const code: string[] = [];
  const links: InlineLink[] = [];
  let text = line;
  // Each pattern needs one literal piece (a backtick, `](`, `<`): lines without it skip the scan.
  if (text.includes('`')) {
    text = text.replace(codeSpan, (_m, _ticks: string, body: string) => {
      code.push(body.trim());
      return ' ';
    });
  }
  if (text.includes('](')) {
    text = text.replace(link, (_m, label: string, url: string) => {
      links.push({ text: label, url });
      return label;
    });
  }
  if (text.includes('<')) {
    text = text.replace(autolink, (_m, url: string) => {
      links.push({ text: url, url });
      return ' ';
    });
  }
  return { links, code, text };
}
