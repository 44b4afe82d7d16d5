// waiver-without-reason: reported by the waiver reader; listed here so it can be configured.
import type { Check } from '../types.ts';

export const waiverWithoutReason: Check = {
  id: 'waiver-without-reason',
  severity: 'warning',
  title: 'A waiver gives no reason',
  help: 'A `lore: ignore[check]` waiver must say why the finding is acceptable, so a reviewer can check it. Without a reason it waives nothing. Write the reason after the closing bracket.',
  phases: [],
};
