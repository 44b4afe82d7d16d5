// Making rule ids unique (within one file, then across files), deterministically.
// Explicit ids (labels, `{#id}`) are placed before derived ones so a derived id never takes a label's id.

import type { Diagnostic } from '../model.ts';
import type { RuleOrigin } from './extract.ts';

export interface IdClaim {
  id: string;
  origin: RuleOrigin;
  label: string | null;
  path: string;
  line: number;
}

/**
 * Returns the final id of every claim (same order). With `acrossFilesOnly`, clashes between claims of
 * the same file are not reported (they were reported when the file was read).
 */
export function resolveIds(claims: IdClaim[], acrossFilesOnly: boolean): { ids: string[]; diagnostics: Diagnostic[] } {
  const ids: string[] = claims.map((c) => c.id);
  const owner = new Map<string, IdClaim>();
  const labels = new Map<string, IdClaim>();
  const diagnostics: Diagnostic[] = [];
  const clashes: number[] = [];
  const next = new Map<string, number>();

  claims.forEach((claim, i) => {
    if (claim.origin === 'derived') return;
    const first = owner.get(claim.id);
    if (first === undefined) owner.set(claim.id, claim);
    else clashes.push(i);
    if (claim.label !== null) {
      const sameLabel = labels.get(claim.label);
      if (sameLabel === undefined) labels.set(claim.label, claim);
      else if (first === undefined && reportable(sameLabel, claim, acrossFilesOnly)) {
        diagnostics.push(duplicate('warning', claim, `Label ${claim.label} is also used by ${where(sameLabel, claim)}; give one of them another label.`));
      }
    }
  });

  for (const i of clashes) {
    const claim = claims[i]!;
    const first = owner.get(claim.id)!;
    const id = freeId(claim.id, owner, next);
    owner.set(id, claim);
    ids[i] = id;
    if (!reportable(first, claim, acrossFilesOnly)) continue;
    const bothAnchors = claim.origin === 'anchor' && first.origin === 'anchor';
    const name = claim.origin === 'label' ? `Label ${claim.label}` : `Rule id "${claim.id}"`;
    diagnostics.push(
      duplicate(
        bothAnchors ? 'error' : 'warning',
        claim,
        `${name} is already used by ${where(first, claim)}; this rule gets the id "${id}" — give it a unique ${claim.origin === 'label' ? 'label' : 'id'}.`,
      ),
    );
  }

  claims.forEach((claim, i) => {
    if (claim.origin !== 'derived') return;
    const id = owner.has(claim.id) ? freeId(claim.id, owner, next) : claim.id;
    owner.set(id, claim);
    ids[i] = id;
  });
  return { ids, diagnostics };
}

/** The first `base-N` (N ≥ 2) not taken. `next` remembers where the last search for a base stopped: ids are only ever added, so the numbers below it stay taken. */
function freeId(base: string, taken: Map<string, IdClaim>, next: Map<string, number>): string {
  for (let n = next.get(base) ?? 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) {
      next.set(base, n + 1);
      return id;
    }
  }
}

function reportable(first: IdClaim, claim: IdClaim, acrossFilesOnly: boolean): boolean {
  return !acrossFilesOnly || first.path !== claim.path;
}

function where(first: IdClaim, claim: IdClaim): string {
  return first.path === claim.path ? `line ${first.line}` : `${first.path}:${first.line}`;
}

function duplicate(severity: Diagnostic['severity'], claim: IdClaim, message: string): Diagnostic {
  return { code: 'rules/duplicate-id', severity, path: claim.path, line: claim.line, message };
}
