// Name templates such as `ix_{table}_{column}`: placeholders filled from the operation; unknown
// values (and `{name}`) match any snake_case text.

const PLACEHOLDER = /\{([a-z_0-9]+)\}/g;
export const PLACEHOLDERS = ['table', 'column', 'column_0', 'referent', 'referent_singular', 'referent_column', 'name'] as const;
export type TemplateValues = Partial<Record<(typeof PLACEHOLDERS)[number], string | null>>;

export interface Template {
  text: string;
  parts: (string | { placeholder: string })[];
}

/** Parses a template; returns an error message for an unknown placeholder or an empty template. */
export function parseTemplate(text: string): Template | { error: string } {
  const parts: Template['parts'] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
      return { error: `unknown placeholder {${m[1]}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})` };
    }
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ placeholder: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  if (parts.length === 0) return { error: 'the template is empty' };
  return { text, parts };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex source for the template (without anchors). */
export function templateSource(t: Template, values: TemplateValues): string {
  return t.parts
    .map((p) => {
      if (typeof p === 'string') return escape(p);
      const v = p.placeholder === 'name' ? null : values[p.placeholder as keyof TemplateValues];
      return v ? escape(v) : '[a-z0-9_]+';
    })
    .join('');
}

/** The name the template asks for, or null when a value is unknown. */
export function renderTemplate(t: Template, values: TemplateValues): string | null {
  let out = '';
  for (const p of t.parts) {
    if (typeof p === 'string') out += p;
    else {
      const v = values[p.placeholder as keyof TemplateValues];
      if (!v) return null;
      out += v;
    }
  }
  return out;
}
