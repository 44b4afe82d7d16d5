// adr/: N decision records in three formats (MADR 4 front matter, Nygard, log4brains bullets),
// 40–120 lines each, some superseding others, citing rules and other ADRs.
import type { Rng } from '../../tests/differential/random.ts';
import { isoDate, pad, paragraph, sentence, slugify } from './prose.ts';
import type { RuleSet } from './rules.ts';
import { PEOPLE, PURPOSES, TAGS, TECH, VERB_TITLES } from './words.ts';

type Format = 'madr4' | 'nygard' | 'log4brains';

interface Plan {
  number: number;
  format: Format;
  title: string;
  path: string;
  date: string;
  status: string;
  supersedes: number | null;
  supersededBy: number | null;
  targetLines: number;
}

export interface AdrSet {
  files: { path: string; text: string }[];
  /** Numbers citable as `ADR-NNNN` (the numbered, non-log4brains records). */
  citable: number[];
}

const FIRST_DAY = 16436; // 2015-01-01

const lowerFirst = (s: string): string => `${s[0]?.toLowerCase() ?? ''}${s.slice(1)}`;

export const adrRef = (n: number): string => `ADR-${pad(n, 4)}`;

function plan(rng: Rng, count: number): Plan[] {
  const plans: Plan[] = [];
  const slugs = new Set<string>();
  for (let n = 1; n <= count; n++) {
    const roll = rng.next();
    const format: Format = roll < 0.45 ? 'madr4' : roll < 0.8 ? 'nygard' : 'log4brains';
    const title = rng.pick(VERB_TITLES)(rng.pick(TECH), rng.pick(PURPOSES));
    const day = FIRST_DAY + Math.floor(((n - 1) * 3650) / count);
    const date = isoDate(day);
    let path = format === 'log4brains' ? `adr/${date.replaceAll('-', '')}-${slugify(title)}.md` : `adr/${pad(n, 4)}-${slugify(title)}.md`;
    for (let k = 2; slugs.has(path); k++) path = path.replace(/(-\d+)?\.md$/, `-${k}.md`);
    slugs.add(path);
    const status = rng.pick(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'proposed', 'rejected', 'deprecated', 'draft']);
    plans.push({ number: n, format, title, path, date, status, supersedes: null, supersededBy: null, targetLines: rng.int(40, 112) });
  }
  // Some records supersede a recent, still standing, numbered one.
  for (const p of plans) {
    if (p.format === 'log4brains' || p.status !== 'accepted' || p.number < 20 || !rng.chance(0.08)) continue;
    const candidates = plans.slice(Math.max(0, p.number - 200), p.number - 1).filter((q) => q.format !== 'log4brains' && q.supersededBy === null && q.status === 'accepted');
    if (candidates.length === 0) continue;
    const old = rng.pick(candidates);
    old.supersededBy = p.number;
    old.status = 'superseded';
    p.supersedes = old.number;
  }
  return plans;
}

function fileName(p: Plan): string {
  return p.path.slice('adr/'.length);
}

function citations(rng: Rng, p: Plan, citable: number[], rules: RuleSet): { adrs: string[]; rules: string[] } {
  const earlier = citable.filter((n) => n < p.number);
  const adrs = earlier.length === 0 ? [] : rng.sample(earlier.slice(-300), rng.int(0, 3)).map(adrRef);
  const ruleRefs = [...rng.sample(rules.dbLabels, rng.int(1, 2)), ...rng.sample(rules.labels, rng.int(0, 2))];
  return { adrs, rules: [...new Set(ruleRefs)] };
}

function sections(rng: Rng, p: Plan, tables: readonly string[], cites: { adrs: string[]; rules: string[] }, format: Format): [string, string[]][] {
  const t = rng.sample(tables, 3);
  const options = [rng.pick(TECH), rng.pick(TECH), 'keep the current design'];
  const ruleText = `This follows ${cites.rules.join(' and ')}.`;
  const seeAlso = cites.adrs.length > 0 ? [`See ${cites.adrs.join(', ')} for the background.`] : [];
  const ctxHeading = format === 'nygard' ? 'Context' : 'Context and Problem Statement';
  const out: [string, string[]][] = [
    [ctxHeading, [...paragraph(rng, t), '', ...paragraph(rng, t, 2, 4, seeAlso)]],
  ];
  if (format !== 'nygard') {
    out.push(['Decision Drivers', Array.from({ length: rng.int(2, 4) }, () => `* ${sentence(rng, rng.pick(t))}`)]);
    out.push(['Considered Options', options.map((o) => `* ${o}`)]);
    out.push(['Decision Outcome', [`Chosen option: "${options[0]}", because it fits ${rng.pick(PURPOSES)} best.`, '', ...paragraph(rng, t, 2, 4, [ruleText])]]);
    out.push(['Consequences', [`* Good, because ${lowerFirst(sentence(rng, rng.pick(t)))}`, `* Bad, because ${lowerFirst(sentence(rng, rng.pick(t)))}`]]);
  } else {
    out.push(['Decision', paragraph(rng, t, 2, 5, [ruleText])]);
    out.push(['Consequences', paragraph(rng, t, 2, 4)]);
  }
  return out;
}

function render(rng: Rng, p: Plan, byNumber: Map<number, Plan>, tables: readonly string[], cites: { adrs: string[]; rules: string[] }): string {
  const secs = sections(rng, p, tables, cites, p.format);
  const deciders = rng.sample(PEOPLE, rng.int(1, 4));
  const tags = rng.sample(TAGS, rng.int(1, 3));
  const head: string[] = [];
  if (p.format === 'madr4') {
    const status = p.supersededBy !== null ? `"superseded by ${adrRef(p.supersededBy)}"` : p.status;
    head.push('---', `status: ${status}`, `date: ${p.date}`, 'decision-makers:', ...deciders.map((d) => `  - ${d}`));
    if (rng.chance(0.5)) head.push(`consulted: ${rng.pick(PEOPLE)}`, 'informed: Everyone in engineering');
    head.push(`tags: [${tags.join(', ')}]`);
    if (p.supersedes !== null) head.push(`supersedes: ${adrRef(p.supersedes)}`);
    if (rng.chance(0.6)) head.push(`rules: [${cites.rules.join(', ')}]`);
    if (rng.chance(0.4)) head.push(`tables: [${rng.sample(tables, 2).join(', ')}]`);
    head.push('---', '', `# ${p.title}`);
  } else if (p.format === 'nygard') {
    const statusLines = [p.status === 'superseded' ? 'Superseded' : `${p.status[0]?.toUpperCase()}${p.status.slice(1)}`];
    const link = (n: number): string => `[${adrRef(n)}](${fileName(byNumber.get(n) as Plan)})`;
    if (p.supersededBy !== null) statusLines[0] = `Superseded by ${link(p.supersededBy)}`;
    if (p.supersedes !== null) statusLines.push('', `Supersedes ${link(p.supersedes)}`);
    head.push(`# ${p.number}. ${p.title}`, '', `Date: ${p.date}`, '', '## Status', '', ...statusLines);
  } else {
    head.push(`# ${p.title}`, '', `- Status: ${p.status}`, `- Deciders: ${deciders.join(', ')}`, `- Date: ${p.date}`, `- Tags: ${tags.join(' ')}`);
    head.push('', `Technical Story: ${paragraph(rng, tables, 1, 1).join(' ')}`);
  }
  secs.push([p.format === 'log4brains' ? 'Links' : 'More Information', cites.adrs.length > 0 ? [`Related: ${cites.adrs.join(', ')}.`] : [`No related records before ${p.date}.`]]);
  const count = (): number => head.length + secs.reduce((sum, [, lines]) => sum + lines.length + 3, 0);
  // Grow towards the target size with more context, one paragraph at a time.
  const grow = secs[0]?.[1] as string[];
  while (count() < p.targetLines) grow.push('', ...paragraph(rng, tables, 2, 5));
  const body = secs.flatMap(([heading, lines]) => ['', `## ${heading}`, '', ...lines]);
  return `${[...head, ...body].join('\n')}\n`;
}

export function generateAdrs(rng: Rng, count: number, tables: readonly string[], rules: RuleSet): AdrSet {
  const plans = plan(rng, count);
  const byNumber = new Map(plans.map((p) => [p.number, p]));
  const citable = plans.filter((p) => p.format !== 'log4brains').map((p) => p.number);
  const files = plans.map((p) => ({ path: p.path, text: render(rng, p, byNumber, tables, citations(rng, p, citable, rules)) }));
  return { files, citable };
}
