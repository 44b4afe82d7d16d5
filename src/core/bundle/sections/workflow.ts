// 2. How schema changes are made here: the commands, the review step, and the prohibitions the rules state.
import type { Adr, RuleItem } from '../../model.ts';
import { adrRuleLinks, type BundleContext } from '../context.ts';
import { code } from '../inline.ts';

interface Prohibition {
  text: string;
  rules: string[];
}

// The root file and each scoped file show this section: what it reads from the rules is found once.
const found = new WeakMap<BundleContext, { adr: Adr | undefined; prohibitions: Prohibition[] }>();

export function workflowSection(ctx: BundleContext, where = 'above'): string[] {
  const c = ctx.options.commands;
  let facts = found.get(ctx);
  if (!facts) found.set(ctx, (facts = { adr: exampleAdr(ctx), prohibitions: detectProhibitions(ctx) }));
  const adr = facts.adr;
  const rule = ctx.rulesFiles.flatMap((f) => f.rules)[0];
  const trailers = [adr ? `Decisions: ${ctx.adrName(adr)}` : null, rule ? `Rules: ${ctx.ruleName(rule)}` : null].filter((t): t is string => t !== null);
  const lines = [
    '## How schema changes are made here',
    '',
    `1. Change the models, then generate a migration: ${code(c.generate)}.`,
    `2. Review the generated file line by line against the rules ${where} and fix it: a generated migration is a draft. Give it a working \`downgrade()\`${trailers.length ? `, and name the decisions and rules it relies on in its docstring (${trailers.map(code).join(', ')})` : ''}.`,
    `3. Apply it to your local database and test the way back: ${code(c.upgrade)}, then ${code(c.downgrade)}, then ${code(c.upgrade)} again.`,
    `4. Run ${code(c.check)} and fix every finding. Waive one only with a reason a reviewer can accept: \`# lore: ignore[<check>] <reason>\` on the line above the call.`,
    '5. Open a pull request. A person reviews and approves the migration before it runs on any shared database (staging, production); never apply it there yourself.',
  ];
  const prohibitions = facts.prohibitions;
  if (prohibitions.length) {
    lines.push('');
    for (const p of prohibitions) lines.push(`- ${p.text} (${p.rules.join(', ')}).`);
  }
  lines.push('');
  return lines;
}

/** The accepted decision most rules are tied to: the likeliest to be cited by a migration. */
function exampleAdr(ctx: BundleContext): Adr | undefined {
  const accepted = ctx.k.adrs.filter((a) => a.status === 'accepted');
  let best: Adr | undefined;
  let bestLinks = -1;
  for (const a of accepted) {
    const n = adrRuleLinks(ctx, a);
    if (n > bestLinks) {
      best = a;
      bestLinks = n;
    }
  }
  return best ?? ctx.k.adrs[0];
}

const CREATE_ALL = /create_all\s*\(/;
const DDL = /\bDDL\b/;
const BY_HAND = /\b(?:hand|manual(?:ly)?|psql|console|typed|ad[- ]hoc|outside)\b/i;

/** "never create_all() / never hand-run DDL" and friends, only when a rule says so. */
export function detectProhibitions(ctx: BundleContext): Prohibition[] {
  const rules = ctx.rulesFiles.flatMap((f) => f.rules);
  const matching = (test: (r: RuleItem, text: string) => boolean): string[] =>
    rules.filter((r) => test(r, `${r.title}\n${r.text}`)).map((r) => ctx.ruleName(r));
  const out: Prohibition[] = [];
  const createAll = matching((_r, t) => CREATE_ALL.test(t));
  if (createAll.length) out.push({ text: 'Never call `create_all()` (`db.create_all()`, `metadata.create_all()`) to create or change tables', rules: createAll });
  const ddl = matching((_r, t) => t.split(/\n\s*\n/).some((p) => DDL.test(p) && BY_HAND.test(p)));
  if (ddl.length) out.push({ text: 'Never run DDL by hand (`psql`, a database console): every schema change is a migration', rules: ddl });
  const stampCommand = stampCommandOf(rules);
  if (stampCommand) out.push({ text: `Never run ${code(stampCommand.command)}: it records a revision without running it`, rules: [ctx.ruleName(stampCommand.rule)] });
  return out;
}

function stampCommandOf(rules: RuleItem[]): { command: string; rule: RuleItem } | null {
  for (const rule of rules) {
    for (const para of rule.text.split(/\n\s*\n/)) {
      if (!/\bnever\b|\bdo not\b|\bdon't\b/i.test(para)) continue;
      const m = /`((?:flask db|alembic) stamp)\b[^`]*`/.exec(para);
      if (m) return { command: m[1]!, rule };
    }
  }
  return null;
}
