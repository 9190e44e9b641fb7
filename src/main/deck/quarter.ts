// Calendar quarters for the deck: "2026Q3" <-> Jul 1 … Sep 30, 2026. A QBR reviews a finished quarter of the
// account's life as a customer, so the default is the last complete quarter it was a customer throughout; the
// quarter in progress may be asked for and is then read "to date". No quarter before the contract is offered.
import type { DeckQuarter } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { formatDate } from '../../shared/format';

export interface Quarter extends DeckQuarter {
  year: number;
  /** 1–4 */
  q: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterOf(year: number, q: number, today: string): Quarter {
  const start = `${year}-${pad(3 * q - 2)}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(3 * q + 1)}-01`;
  const end = addDays(next, -1);
  return { id: `${year}Q${q}`, label: `Q${q} ${year}`, year, q, start, end, complete: end < today };
}

/** The quarter a calendar date falls in. */
export function quarterContaining(isoDate: string, today: string): Quarter {
  const month = Number(isoDate.slice(5, 7));
  return quarterOf(Number(isoDate.slice(0, 4)), Math.floor((month - 1) / 3) + 1, today);
}

export function previousQuarter(quarter: Quarter, today: string): Quarter {
  return quarter.q === 1 ? quarterOf(quarter.year - 1, 4, today) : quarterOf(quarter.year, quarter.q - 1, today);
}

export function lastCompleteQuarter(today: string): Quarter {
  return previousQuarter(quarterContaining(today, today), today);
}

/**
 * "2026Q3" (also "2026-Q3", "2026q3", the spelling cohorts use elsewhere) to a quarter; none = the last complete
 * one. A quarter that has not started has no numbers yet, so it is refused rather than shown as all zeros.
 */
export function resolveQuarter(text: string | undefined, today: string): Quarter {
  if (text === undefined) return lastCompleteQuarter(today);
  const match = /^(\d{4})-?Q([1-4])$/i.exec(text.trim());
  if (!match) {
    throw new AppError('invalid_quarter', `"${text}" is not a quarter: write the year and the quarter, e.g. 2026Q3.`);
  }
  const quarter = quarterOf(Number(match[1]), Number(match[2]), today);
  if (quarter.start > today) {
    throw new AppError('invalid_quarter', `${quarter.label} has not started yet: pick ${quarterContaining(today, today).label} or an earlier quarter.`);
  }
  return quarter;
}

/** When the account was a customer, both days included: contract start (null = unknown) to churn (null = still is). */
export interface CustomerPeriod {
  from: string | null;
  until: string | null;
}

const customerThroughout = (quarter: Quarter, period: CustomerPeriod) =>
  (period.from === null || period.from <= quarter.start) && (period.until === null || period.until >= quarter.end);

/**
 * The quarter a deck reviews when none is asked for (issue #12): the last complete quarter in which the account was
 * a customer from its first day to its last; else the latest quarter it was a customer in at all: the quarter to
 * date for an account that started this quarter or last (mid-quarter), the quarter of the churn for one that left
 * within its first quarter.
 */
export function defaultQuarter(period: CustomerPeriod, today: string): Quarter {
  const latest = quarterContaining(period.until !== null && period.until < today ? period.until : today, today);
  for (let quarter = latest; period.from === null || quarter.end >= period.from; quarter = previousQuarter(quarter, today)) {
    if (quarter.complete && customerThroughout(quarter, period)) return quarter;
  }
  return latest;
}

/**
 * The quarter asked for, or the default one. A quarter that ended before the contract started has nothing to review
 * and is refused like a quarter that has not started.
 */
export function resolveDeckQuarter(text: string | undefined, period: CustomerPeriod, today: string): Quarter {
  const quarter = text === undefined ? defaultQuarter(period, today) : resolveQuarter(text, today);
  if (period.from !== null && quarter.end < period.from) {
    throw new AppError(
      'invalid_quarter',
      quarter.complete
        ? `${quarter.label} ended before the contract started (${formatDate(period.from)}): pick a later quarter.`
        : `The contract starts on ${formatDate(period.from)}, after ${quarter.label}: there is no quarter to review yet.`,
    );
  }
  return quarter;
}

/** The quarters from the one containing `from` up to the current one, newest first (at most `limit`). */
export function quartersBetween(from: string, today: string, limit = 12): Quarter[] {
  const out: Quarter[] = [];
  let quarter = quarterContaining(today, today);
  while (out.length < limit && quarter.end >= from) {
    out.push(quarter);
    quarter = previousQuarter(quarter, today);
  }
  return out;
}
