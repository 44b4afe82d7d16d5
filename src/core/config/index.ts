export type { AuditCheckEntry, LoreConfig, LoreSiteConfig, PathList } from './schema.ts';
export { validateConfig, type ConfigProblem } from './validate.ts';
export { CONFIG_FILES, findConfigFile, formatConfigProblems, resolveConfig, resolveConfigSync, type ConfigSources, type ResolveConfigOptions, type ResolvedConfig } from './resolve.ts';
