// A renewals line: the account, the day the renewal was decided, the outcome (from an Outcome column, or from a
// Salesforce opportunity's Stage: Closed Won / Closed Lost), the new ARR and a churn's reason. Open opportunities
// and new-business ones are skipped, not rejected: a renewal-opportunity report holds them beside the outcomes.
import { CHURN_REASON_LABELS, CHURN_REASONS, type ChurnReason } from '../../shared/contract/renewal';
import { Reject, SkipRow, type CellReader, type Fields } from './cell-reader';
import { quoteValue } from './import-error';
import { parseMoney } from './numbers';
import type { NormalizedRow, RenewalRow } from './types';

const OUTCOME_WORDS: [RegExp, RenewalRow['outcome']][] = [
  [/^(renewed|renewal|renew|retained|kept)$/, 'renewed'],
  [/^(expanded|expansion|expand|upsell|upsold|grew)$/, 'expanded'],
  [/^(downsized|downsize|downsell|downgraded|downgrade|contraction|contracted)$/, 'downsized'],
  [/^(churned|churn|lost|closedlost|cancelled|canceled|notrenewed|terminated)$/, 'churned'],
  [/^(won|closedwon)$/, 'won'],
];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function outcomeOf(r: CellReader, F: Fields): RenewalRow['outcome'] {
  const outcome = r.text(F.outcome);
  if (outcome !== null) {
    const hit = OUTCOME_WORDS.find(([re]) => re.test(squash(outcome)));
    if (hit) return hit[1];
    throw new Reject('unknown_outcome', `${F.outcome.label} is ${quoteValue(outcome)}: write renewed, expanded, downsized or churned.`);
  }
  const stage = r.text(F.stageName);
  if (stage === null) throw new Reject('missing_value', `${F.outcome.label} and ${F.stageName.label} are both empty: how did the renewal end?`);
  const s = squash(stage);
  if (s === 'closedwon' || s === 'won') return 'won';
  if (s === 'closedlost' || s === 'lost') return 'churned';
  throw new SkipRow(`Stage is ${quoteValue(stage)}: an open opportunity, not an outcome yet.`);
}

/** Keywords of the reasons a CRM's loss-reason picklist usually holds, mapped to Bearing's list. */
const REASON_WORDS: [RegExp, ChurnReason][] = [
  [/price|budget|cost|expensive|money|funding/, 'budget'],
  [/compet|switch|gainsight|totango|churnzero|vitally|planhat/, 'competitor'],
  [/adopt|usage|unused|notused|lowuse|engagement|value/, 'low_adoption'],
  [/fit|feature|functional|requirement|product|missing/, 'product_fit'],
  [/champion|sponsor|stakeholder|contactleft|leftthecompany/, 'champion_left'],
  [/acqui|merg|closed|bankrupt|outofbusiness|shutdown/, 'acquired_or_closed'],
  [/support|service|onboarding|implementation/, 'service'],
];

/** A reason from the list when the text names one (by key, label or a usual word), else 'other'. */
export function churnReasonFromText(text: string): ChurnReason {
  const s = squash(text);
  const listed = CHURN_REASONS.find((r) => squash(r) === s || squash(CHURN_REASON_LABELS[r]) === s);
  return listed ?? REASON_WORDS.find(([re]) => re.test(s))?.[1] ?? 'other';
}

function newArr(r: CellReader, F: Fields, defaultCurrency: string): number | null {
  const cell = r.raw(F.arr);
  if (cell === null) return null;
  const currencyCell = r.raw(F.currency);
  const currency = currencyCell !== null && /^[A-Za-z]{3}$/.test(currencyCell) ? currencyCell.toUpperCase() : defaultCurrency;
  const money = parseMoney(cell, F.arr.format.decimal, currency);
  if (money === null || !money.ok) throw new Reject('not_a_number', `${F.arr.label} is ${quoteValue(cell)}, which is not an amount of money.`);
  if (money.minor < 0) throw new Reject('not_a_number', `${F.arr.label} is ${quoteValue(cell)}: ARR cannot be negative.`);
  return money.minor;
}

export function renewalRow(r: CellReader, F: Fields, defaultCurrency: string): NormalizedRow {
  const type = r.text(F.type);
  if (type !== null && /^new(\s*business)?$|new\s*(business|logo|customer)/i.test(type)) {
    throw new SkipRow(`${F.type.label} is ${quoteValue(type)}: a new-business opportunity, not a renewal.`);
  }
  const accountId = r.id(F.accountId);
  const accountName = r.text(F.accountName);
  if (accountId === null && accountName === null) throw new Reject('missing_value', 'The row names no account: whose renewal is it?');
  // How it ended first: an open opportunity is skipped whatever its (often future) close date.
  const outcome = outcomeOf(r, F);
  const date = r.required(F.date, r.calendar(F.date, true));
  const arr = newArr(r, F, defaultCurrency);
  const reasonText = r.text(F.reason);
  const noteText = r.text(F.note);
  if (outcome !== 'churned') return { kind: 'renewals', accountId, accountName, date, outcome, arrMinor: arr, reason: null, note: noteText };
  const reason = reasonText !== null ? churnReasonFromText(reasonText) : noteText !== null ? 'other' : null;
  // The file's own words are kept unless they are exactly the list's label.
  const ownWords = reasonText !== null && reason !== null && squash(reasonText) !== squash(CHURN_REASON_LABELS[reason]) && squash(reasonText) !== squash(reason) ? reasonText : null;
  const note = [ownWords, noteText].filter((t) => t !== null).join(' — ') || null;
  // A lost renewal's amount is what was lost; the new ARR of a churned customer is 0.
  return { kind: 'renewals', accountId, accountName, date, outcome, arrMinor: 0, reason, note };
}
