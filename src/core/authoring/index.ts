export type { FileEdit } from './edits.ts';
export { ADR_FORMATS, detectFormat, formatOf, markSuperseded, renderAdr, type AdrFormat, type AdrLink, type NewRecord } from './format.ts';
export { DEFAULT_SCHEME, detectScheme, nextName, schemeOf, slugFor, usedNumbers, type NamingScheme, type NextName } from './naming.ts';
export { planNewAdr, type AdrFolder, type NewAdrPlan, type NewAdrRequest } from './new-adr.ts';
export { CI_SNIPPET, CONFIG_FILE, DEFAULT_ADR_FOLDER, planInit, type InitPlan, type InitState } from './init.ts';
