// The row each kind of file stores, built from the record the CellReader points at: whose usage it is (an
// account, a user or an email, else it cannot be tied to a customer), its date and its counts, or a Reject that
// says which value is wrong. One builder a kind, chosen once per import.
import { Reject, type CellReader, type Fields } from './cell-reader';
import { quoteValue } from './import-error';
import { parseMoney } from './numbers';
import { campaignRow } from './campaign-rows';
import { meetingRow, surveyRow, surveyScale, ticketRow } from './relationship-rows';
import { renewalRow } from './renewal-row';
import { normalizeRole } from './roles';
import type { Kind, NormalizedRow } from './types';

/** `headers` are the file's, for a builder whose reading depends on a column's title (a survey's scale). */
export type RowBuilder = (r: CellReader, F: Fields, defaultCurrency: string, headers: readonly string[]) => NormalizedRow;

/** Anonymous ids: Mixpanel's "$device:…" distinct ids (and Segment-style "anon…" ids). */
export function isAnonymousId(id: string): boolean {
  return id.startsWith('$device:') || /^anon(ymous)?[-_:]/i.test(id);
}

/**
 * Amplitude's `groups` cell holds JSON such as {"company_id":["acme"]}: the account is its first value. Any
 * other cell is returned as is.
 */
export function groupValue(cell: string): string | null {
  if (cell.charCodeAt(0) !== 123 /* { */) return cell;
  try {
    const parsed: unknown = JSON.parse(cell);
    if (parsed && typeof parsed === 'object') {
      for (const v of Object.values(parsed as Record<string, unknown>)) {
        const first = Array.isArray(v) ? v[0] : v;
        if (typeof first === 'string' && first !== '') return first;
        if (typeof first === 'number') return String(first);
      }
      return null;
    }
  } catch {
    // Not JSON after all: keep the text.
  }
  return cell;
}

function account(r: CellReader, F: Fields): { accountId: string | null; accountName: string | null } {
  const rawId = r.id(F.accountId);
  return { accountId: rawId === null ? null : groupValue(rawId), accountName: r.text(F.accountName) };
}

/** A user id that is really an anonymous device id counts as no user. */
function userOf(r: CellReader, F: Fields): string | null {
  const u = r.id(F.userId);
  return u !== null && isAnonymousId(u) ? null : u;
}

function noOwner(r: CellReader, F: Fields): Reject {
  const device = r.raw(F.deviceId) ?? r.raw(F.userId);
  return new Reject(
    'anonymous_no_account',
    device !== null
      ? `No account and only an anonymous id (${quoteValue(device, 30)}): the activity cannot be tied to a customer.`
      : 'No account and no user: the activity cannot be tied to a customer.',
  );
}

/** Whose usage a row is: an account, a user or an email at least, else it cannot be tied to a customer. */
function usageOwner(r: CellReader, F: Fields) {
  const { accountId, accountName } = account(r, F);
  const userId = userOf(r, F);
  const email = r.email(F.email);
  if (accountId === null && accountName === null && userId === null && email === null) throw noOwner(r, F);
  return { accountId, accountName, userId, email, userName: r.text(F.userName) };
}

/** The counts of a per-day or per-week row. */
function periodTotals(r: CellReader, F: Fields) {
  const events = r.count(F.events);
  return { events: events ?? 0, minutes: r.duration(F.minutes) };
}

function usageSummaryRow(r: CellReader, F: Fields): NormalizedRow {
  const { accountId, accountName } = account(r, F);
  const userId = userOf(r, F);
  const email = r.email(F.email);
  const userName = r.text(F.userName);
  if (userId === null && email === null && userName === null) {
    if (accountId === null && accountName === null) throw noOwner(r, F);
    throw new Reject('missing_value', `${F.userId.label} is empty: a usage summary line needs the user it describes.`);
  }
  const firstVisit = r.instant(F.firstVisit);
  const lastVisit = r.instant(F.lastVisit);
  if (firstVisit !== null && lastVisit !== null && firstVisit > lastVisit) {
    throw new Reject('invalid_date', `${F.firstVisit.label} (${quoteValue(r.raw(F.firstVisit) ?? '')}) is after ${F.lastVisit.label} (${quoteValue(r.raw(F.lastVisit) ?? '')}).`);
  }
  return {
    kind: 'usage_summary', accountId, accountName, userId, email, userName,
    daysActive: r.count(F.daysActive), events: r.count(F.events), minutes: r.duration(F.minutes), firstVisit, lastVisit,
    windowStart: r.calendar(F.windowStart, true), windowEnd: r.calendar(F.windowEnd, false),
  };
}

/** "https://www.acme.com/about" -> "acme.com": how a CSM names a company by its website. */
export function domainName(cell: string): string {
  return cell.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/[/?#].*$/, '').toLowerCase();
}

/**
 * An account record's name, else (keyed by its id) its domain, else its id. With neither a name nor an id it
 * cannot be kept: nothing would find it again (a domain alone is no key).
 */
function accountName(r: CellReader, F: Fields, externalId: string | null): { name: string; nameFrom: 'name' | 'domain' | 'id' } {
  const name = r.text(F.name);
  if (name !== null) return { name, nameFrom: 'name' };
  if (externalId === null) throw new Reject('missing_value', `${F.name.label} and ${F.externalId.label} are both empty: the record cannot be kept as an account.`);
  const domain = r.text(F.domain);
  if (domain !== null && domainName(domain) !== '') return { name: domainName(domain), nameFrom: 'domain' };
  return { name: externalId, nameFrom: 'id' };
}

function accountRow(r: CellReader, F: Fields, defaultCurrency: string): NormalizedRow {
  const externalId = r.id(F.externalId);
  const { name, nameFrom } = accountName(r, F, externalId);
  let arrMinor: number | null = null;
  const currencyCell = r.raw(F.currency);
  const currencyCode = currencyCell !== null && /^[A-Za-z]{3}$/.test(currencyCell) ? currencyCell.toUpperCase() : null;
  if (currencyCell !== null && currencyCode === null) {
    throw new Reject('not_a_number', `${F.currency.label} is ${quoteValue(currencyCell)}, which is not a currency code like USD or EUR.`);
  }
  let currency = currencyCode ?? defaultCurrency;
  const arrCell = r.raw(F.arr);
  if (arrCell !== null) {
    const money = parseMoney(arrCell, F.arr.format.decimal, currency);
    if (money === null || !money.ok) throw new Reject('not_a_number', `${F.arr.label} is ${quoteValue(arrCell)}, which is not an amount of money.`);
    if (money.minor < 0) throw new Reject('not_a_number', `${F.arr.label} is ${quoteValue(arrCell)}: ARR cannot be negative.`);
    arrMinor = money.minor;
    currency = money.currency;
  }
  return {
    kind: 'accounts', externalId, name, nameFrom, owner: r.text(F.owner), arrMinor, currency,
    licenses: r.count(F.licenses), contractStart: r.calendar(F.contractStart, false), renewalDate: r.calendar(F.renewalDate, false),
    industry: r.text(F.industry), stage: r.text(F.stage), features: featureList(r.text(F.features)),
  };
}

/** "Dashboards; SSO" -> ["Dashboards", "SSO"]: a list cell split on ; , | or new lines; null when empty. */
export function featureList(cell: string | null): string[] | null {
  if (cell === null) return null;
  const names = [...new Set(cell.split(/[;,|\n]/).map((s) => s.trim()).filter((s) => s !== ''))];
  return names.length > 0 ? names : null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si', 'paid', 'key']);
const NO = new Set(['no', 'n', 'false', '0', 'nein', 'non', '-']);

/** A yes/no cell: null when empty, else true or false; anything else is rejected naming the column. */
function flagOf(r: CellReader, field: Fields[string]): boolean | null {
  const cell = r.text(field);
  if (cell === null) return null;
  const v = cell.toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new Reject('not_a_number', `${field.label} is ${quoteValue(cell)}: write yes or no.`);
}

function featureRuleRow(r: CellReader, F: Fields): NormalizedRow {
  const feature = r.required(F.feature, r.text(F.feature));
  return { kind: 'features', pattern: r.text(F.event), feature, isKey: flagOf(r, F.isKey), isPaid: flagOf(r, F.isPaid) };
}

function entitlementRow(r: CellReader, F: Fields): NormalizedRow {
  const { accountId, accountName } = account(r, F);
  if (accountId === null && accountName === null) throw new Reject('missing_value', 'The row names no account: whose entitlement is it?');
  const features = featureList(r.required(F.feature, r.text(F.feature))) ?? [];
  return { kind: 'entitlements', accountId, accountName, features, paid: flagOf(r, F.isPaid) ?? true };
}

function userRow(r: CellReader, F: Fields): NormalizedRow {
  const email = r.email(F.email);
  const externalId = r.id(F.externalId) ?? email;
  if (externalId === null) throw new Reject('missing_value', `${F.externalId.label} and ${F.email.label} are both empty: the user cannot be identified.`);
  const first = r.text(F.firstName);
  const last = r.text(F.lastName);
  const name = r.text(F.name) ?? (first !== null || last !== null ? [first, last].filter((x) => x !== null).join(' ') : null);
  const title = r.text(F.role);
  const { accountId, accountName } = account(r, F);
  return { kind: 'users', externalId, email, name, title, role: normalizeRole(title), department: r.text(F.department), accountId, accountName };
}

export const ROW_BUILDERS: Record<Kind, RowBuilder> = {
  events: (r, F) => {
    const ts = r.required(F.timestamp, r.instant(F.timestamp));
    const who = usageOwner(r, F);
    const n = r.count(F.count);
    return { kind: 'events', ...who, event: r.text(F.event), feature: r.text(F.feature), ts, count: n ?? 1, minutes: r.duration(F.minutes) };
  },
  daily_usage: (r, F) => {
    const day = r.required(F.day, r.calendar(F.day, true));
    return { kind: 'daily_usage', ...usageOwner(r, F), event: r.text(F.event), feature: r.text(F.feature), day, ...periodTotals(r, F) };
  },
  weekly_usage: (r, F) => {
    const weekStart = r.required(F.weekStart, r.calendar(F.weekStart, true));
    return { kind: 'weekly_usage', ...usageOwner(r, F), event: r.text(F.event), feature: r.text(F.feature), weekStart, ...periodTotals(r, F) };
  },
  usage_summary: usageSummaryRow,
  accounts: accountRow,
  users: userRow,
  features: featureRuleRow,
  entitlements: entitlementRow,
  renewals: renewalRow,
  tickets: ticketRow,
  meetings: meetingRow,
  surveys: (r, F, _currency, headers) => surveyRow(r, F, surveyScale(headers[F.score.i])),
  campaigns: campaignRow,
};
