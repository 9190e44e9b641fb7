// Display formatting shared by the renderer, the CLI and the deck, so a number reads the same everywhere.
// The locale is fixed to the UI's language (English) rather than the machine's, so screens, decks and tests agree.
import { daysBetween } from './dates';

const LOCALE = 'en-US';
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, f);
  }
  return f;
}

/** "$120,000" (whole units: ARR is read at a glance, cents are noise); "—" when unknown. */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '—';
  try {
    return numberFormat(`money:${currency}`, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // An unknown currency code from a CRM export must not break the whole table.
    return `${numberFormat('count', {}).format(Math.round(amount))} ${currency}`;
  }
}

/** "1,250"; "—" when unknown. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return numberFormat('count', { maximumFractionDigits: 0 }).format(value);
}

/** "1 milestone", "3 milestones", "1,204 accounts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A ratio as a percentage: 0.425 -> "43%" (or "42.5%" with one digit). */
export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return numberFormat(`pct:${digits}`, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio);
}

// Calendar dates carry no time of day: format them in UTC so no time zone can shift them by a day.
const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** "2026-03-14" -> "Mar 14, 2026"; "—" when unknown. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(ms) ? isoDate : dateFormat.format(ms);
}

/** How far a date is from today, in words: "today", "in 45 days", "3 days ago". */
export function formatDaysFrom(isoDate: string, todayIso: string): string {
  const days = daysBetween(todayIso, isoDate);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${formatCount(days)} days` : `${formatCount(-days)} days ago`;
}

/** The verb that agrees with a count as the subject: "1 of 3 roles has", "2 of 3 roles have", "0 of 3 roles have". */
export function verbFor(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Natural order of names: "Summit Capital 2" before "Summit Capital 10", case and accents ignored. */
const naturalCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export function compareNatural(a: string, b: string): number {
  return naturalCollator.compare(a, b);
}
