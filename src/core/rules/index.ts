// The rules reader: markdown rules files (DATABASE_RULES.md, …) → RuleFile[].

export { parseRulesFile } from './parse.ts';
export { readRules } from './read.ts';
export type { ReadRulesResult } from './read.ts';
