// Dates as the guide prints them: "29 November 2026".
import { LOCALE } from '../site.ts';

// One formatter for the whole build: Date#toLocaleDateString makes a new one
// on every call, about a millisecond each, on every page.
const LONG_DATE = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date in words, in UTC (content dates are days, not instants). */
export const longDate = (date: Date): string => LONG_DATE.format(date);

/** Whether a page's next review day has passed: checked at build time, so a rebuild updates it. */
export const reviewOverdue = (nextReview: Date, today: Date = new Date()): boolean =>
  nextReview.toISOString().slice(0, 10) < today.toISOString().slice(0, 10);
