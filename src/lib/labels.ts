// The content model's enums and the words readers see for them.
import { LOCALE } from '../site.ts';

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PHASES = ['now', 'recovery', 'prevention'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  now: 'Right now',
  recovery: 'While you recover',
  prevention: 'To stop it coming back',
};

/** "Mild or moderate", always in order from mild to severe. */
export function severityText(levels: readonly Severity[]): string {
  const sorted = SEVERITIES.filter((s) => levels.includes(s));
  const text = new Intl.ListFormat(LOCALE, { type: 'disjunction' }).format(sorted);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
