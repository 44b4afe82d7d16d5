// Stable, human-readable ids shared by URLs, anchors, bundle lines and JSON.
import type { Adr, Ref } from './model.ts';

export const adrRef = (adr: Pick<Adr, 'id' | 'group'>): Ref => `adr:${adr.group ? `${adr.group}/` : ''}${adr.id}`;
export const ruleRef = (id: string): Ref => `rule:${id}`;
export const rulesFileRef = (path: string): Ref => `rules-file:${path}`;
export const migrationRef = (env: string, revision: string): Ref => `migration:${env}/${revision}`;
export const tableRef = (name: string): Ref => `table:${name}`;
export const docRef = (path: string): Ref => `doc:${path}`;

/** How an ADR is named in prose: `ADR-0004`, or its title when it has no number. */
export function adrLabel(adr: Pick<Adr, 'number' | 'title'>): string {
  return adr.number === null ? adr.title : `ADR-${String(adr.number).padStart(4, '0')}`;
}
