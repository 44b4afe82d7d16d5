// What `lore check` counts and when it fails: unwaived findings and diagnostics together.
import type { Diagnostic, Finding, Severity } from '../../core/model.ts';

export interface CheckSummary {
  /** Unwaived findings plus diagnostics, per severity. */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings a waiver allows (not counted above). */
  waived: number;
  findings: number;
  diagnostics: number;
  /** Files with at least one finding or diagnostic. */
  files: number;
}

export function summarize(findings: Finding[], diagnostics: Diagnostic[]): CheckSummary {
  const open = findings.filter((f) => f.waiver === null);
  const count = (s: Severity): number => open.filter((f) => f.severity === s).length + diagnostics.filter((d) => d.severity === s).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    waived: findings.length - open.length,
    findings: findings.length,
    diagnostics: diagnostics.length,
    files: new Set([...findings.map((f) => f.path), ...diagnostics.map((d) => d.path ?? '')]).size,
  };
}

/** True when `lore check` must exit 1: an unwaived finding or a diagnostic at or above `failOn`. */
export function failed(findings: Finding[], diagnostics: Diagnostic[], failOn: 'error' | 'warning'): boolean {
  const fails = (s: Severity): boolean => s === 'error' || (failOn === 'warning' && s === 'warning');
  return findings.some((f) => f.waiver === null && fails(f.severity)) || diagnostics.some((d) => fails(d.severity));
}

export function summaryLine(s: CheckSummary): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'note')];
  return `${parts.join(', ')}${s.waived ? `; ${s.waived} waived` : ''}`;
}
