// content/docs/: a few guide pages with front matter, linking to rules and ADRs.
import type { Rng } from '../../tests/differential/random.ts';
import { adrRef } from './adrs.ts';
import { paragraph } from './prose.ts';

const PAGES = [
  ['onboarding', 'Onboarding', 'What to read in your first week.'],
  ['review-workflow', 'Review workflow', 'How a migration goes from a branch to production.'],
  ['writing-an-adr', 'Writing an ADR', 'When a decision needs a record, and what goes in it.'],
  ['glossary', 'Glossary', 'Short definitions of the terms used in rules, ADRs and reviews.'],
  ['incident-checklist', 'Incident checklist', 'What to do when a migration goes wrong.'],
] as const;

export function generateDocs(rng: Rng, tables: readonly string[], citable: number[], ruleLabels: string[]): { path: string; text: string }[] {
  return PAGES.map(([slug, title, description]) => {
    const lines = ['---', `title: ${title}`, `description: ${description}`, '---', '', ...paragraph(rng, tables, 3, 5)];
    for (let s = 1; s <= rng.int(3, 6); s++) {
      const cites = `See ${rng.sample(citable, 2).map(adrRef).join(' and ')}, and rule ${rng.pick(ruleLabels)}.`;
      lines.push('', `## ${title}, step ${s}`, '', ...paragraph(rng, tables, 2, 5, [cites]));
    }
    return { path: `content/docs/${slug}.md`, text: `${lines.join('\n')}\n` };
  });
}
