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

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

/** "Mild or moderate", always in order from mild to severe. */
export function severityText(levels: readonly Severity[]): string {
  const sorted = SEVERITIES.filter((s) => levels.includes(s));
  return sentenceCase(new Intl.ListFormat(LOCALE, { type: 'disjunction' }).format(sorted));
}

/** "Right now and while you recover", always in the phases' order, as one sentence-case phrase. */
export function phaseText(phases: readonly Phase[]): string {
  const sorted = PHASES.filter((p) => phases.includes(p)).map((p) => PHASE_LABELS[p]);
  return sentenceCase(new Intl.ListFormat(LOCALE, { type: 'conjunction' }).format(sorted));
}
