// The demo book as the export files a CSM really has, placed around today: a Salesforce account report, HubSpot
// contacts, a Pendo daily usage export and a Mixpanel event export with the product's event names, and the
// features file mapping those names to the CSM's features. demo.ts imports them through the real importer; they
// are written to a temp folder at load time (dates follow today), never shipped. Same seed and day: same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { isoFromDayNumber, zonedTimeToEpoch } from '../../shared/dates';
import { Rng } from '../../shared/prng';
import { PRIVATE_FILE_MODE } from '../db/data-dir';
import type { DemoAccount, DemoBook } from './demo-book';
import { FEATURE_PATTERNS, GENERAL_FEATURE } from './demo-catalog';
import { USAGE_STRIDE } from './demo-usage';

/** Where the book is placed: offset 0 is `base` (a Monday); nothing after `today` (day numbers) or `now` is written. */
export interface Placement {
  base: number;
  today: number;
  now: number;
  timeZone: string;
}

/** The last days of usage come from Mixpanel (one row per event), everything before from Pendo (one row per day). */
export const MIXPANEL_DAYS = 14;

export const DEMO_FILES = {
  features: 'Feature catalogue.csv',
  accounts: 'Salesforce - Customer Accounts report.csv',
  contacts: 'HubSpot - contacts export.csv',
  pendo: 'Pendo - daily visitor events.csv',
  mixpanel: 'Mixpanel - events export.csv',
} as const;
export type DemoFileName = keyof typeof DEMO_FILES;

/**
 * The import kind of each file, in the order a CSM would import them: catalogue, accounts, people, usage; and the
 * suggested mapping's fields a CSM would unmap on the mapping screen. HubSpot's Record ID is HubSpot's own id,
 * while the analytics tools know people by e-mail: without it, the contacts are keyed by their e-mail.
 */
export const DEMO_IMPORTS: readonly { file: DemoFileName; kind: 'features' | 'accounts' | 'users' | 'daily_usage' | 'events'; unmap?: string[] }[] = [
  { file: 'features', kind: 'features' },
  { file: 'accounts', kind: 'accounts' },
  { file: 'contacts', kind: 'users', unmap: ['externalId'] },
  { file: 'pendo', kind: 'daily_usage' },
  { file: 'mixpanel', kind: 'events' },
];

function cell(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const quoted = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;

/** Appends lines to a file in blocks, so a 20 MB export never sits in memory as one string. */
class LineWriter {
  private readonly fd: number;
  private lines: string[] = [];
  rows = 0;

  constructor(file: string, header: string, bom = false) {
    this.fd = fs.openSync(file, 'w', PRIVATE_FILE_MODE);
    fs.writeSync(this.fd, (bom ? '\ufeff' : '') + header + '\r\n');
  }

  add(line: string): void {
    this.lines.push(line);
    this.rows += 1;
    if (this.lines.length >= 5000) this.flush();
  }

  private flush(): void {
    if (this.lines.length > 0) fs.writeSync(this.fd, this.lines.join('\r\n') + '\r\n');
    this.lines = [];
  }

  close(trailer = ''): void {
    this.flush();
    if (trailer) fs.writeSync(this.fd, trailer);
    fs.closeSync(this.fd);
  }
}

/** 2026-03-07 -> 3/7/2026, as a US Salesforce org writes dates. */
function usDate(day: number): string {
  const [y, m, d] = isoFromDayNumber(day).split('-').map(Number);
  return `${m}/${d}/${y}`;
}

/** 125000000 minor units of USD -> "$1,250,000.00"; other currencies carry their code, as multi-currency orgs do. */
function money(minor: number, currency: string): string {
  const amount = (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency === 'USD' ? `$${amount}` : `${currency} ${amount}`;
}

function writeFeatures(book: DemoBook, file: string): number {
  const out = new LineWriter(file, 'Event,Feature,Key,Paid');
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  for (const [pattern, feature] of FEATURE_PATTERNS) {
    const f = book.features.find((x) => x.name === feature);
    out.add([pattern, feature, yes(f?.isKey ?? false), yes(f?.isPaid ?? false)].map(cell).join(','));
  }
  const covered = (event: string) => FEATURE_PATTERNS.some(([p]) => new RegExp(`^${p.replace('*', '.*')}$`, 'i').test(event));
  for (const f of book.features) {
    for (const event of f.events) if (!covered(event)) out.add([event, f.name, yes(f.isKey), yes(f.isPaid)].map(cell).join(','));
  }
  for (const event of GENERAL_FEATURE.events) out.add([event, GENERAL_FEATURE.name, 'no', 'no'].map(cell).join(','));
  out.close();
  return out.rows;
}

function writeAccounts(book: DemoBook, at: Placement, file: string): number {
  const header = ['Account Owner', 'Account Name', 'Account ID', 'Type', 'Industry', 'Account Currency', 'ARR', 'Licensed Seats', 'Contract Start Date', 'Renewal Date', 'Products'];
  const out = new LineWriter(file, header.map(quoted).join(','), true);
  for (const a of book.accounts) {
    const products = a.entitlements.filter((e) => e.paid).map((e) => book.features[e.feature].name);
    out.add(
      [a.owner, a.name, a.externalId, a.crmStage, a.industry, a.currency, money(a.arrMinor, a.currency), a.licenses,
        usDate(at.base + a.contractStart), usDate(at.base + a.renewalDate), products.join('; ')].map(quoted).join(','),
    );
  }
  // A Salesforce "formatted" report export ends with its footer; the importer skips it and says so.
  const generated = `${usDate(at.today)} 8:02 AM`;
  out.close(
    ['""', `"Grand Totals (${book.accounts.length} records)"`, '""', '"Bearing Demo Inc."',
      '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."', '"Confidential Information - Do Not Distribute"',
      `"Generated By:  Priya Raman  ${generated}"`, '"Bearing Demo Inc."'].join('\r\n') + '\r\n',
  );
  return out.rows;
}

function writeContacts(book: DemoBook, at: Placement, file: string): number {
  const out = new LineWriter(file, 'Record ID,First Name,Last Name,Email,Job Title,Department,Associated Company,Contact owner,Lifecycle Stage,Create Date');
  let id = 51201;
  for (const a of book.accounts) {
    a.users.forEach((u, i) => {
      const [first, ...last] = u.name.split(' ');
      const created = `${isoFromDayNumber(at.base + Math.min(0, a.contractStart + i % 30))} 09:${String(10 + (i % 50)).padStart(2, '0')}`;
      out.add([id++, first, last.join(' '), u.email, u.title, u.department, a.name, a.owner, 'Customer', created].map(cell).join(','));
    });
  }
  out.close();
  return out.rows;
}

/** The event name a usage row is recorded under: one of its feature's names, the first the most common. */
function eventName(book: DemoBook, feature: number, rng: Rng): string {
  const names = feature === 0 ? GENERAL_FEATURE.events : book.features[feature - 1].events;
  return rng.chance(0.6) ? names[0] : rng.pick(names);
}

interface UsageRow {
  day: number;
  user: number;
  feature: number;
  events: number;
  minutes: number;
}

function* usageRows(a: DemoAccount, at: Placement): Generator<UsageRow> {
  let day = at.base;
  for (let r = 0; r < a.usage.length; r += USAGE_STRIDE) {
    day += a.usage[r];
    if (day > at.today) return;
    yield { day, user: a.usage[r + 1], feature: a.usage[r + 2], events: a.usage[r + 3], minutes: a.usage[r + 4] };
  }
}

function writeUsage(book: DemoBook, at: Placement, pendoFile: string, mixpanelFile: string): { pendo: number; mixpanel: number } {
  const pendo = new LineWriter(pendoFile, 'Day,Visitor ID,Account ID,Track Event Name,Number of Events,Number of Minutes');
  const mixpanel = new LineWriter(mixpanelFile, 'event,time,distinct_id,$email,company_id,$insert_id,mp_lib');
  const cutover = at.today - MIXPANEL_DAYS + 1;
  const midnight = new Map<number, number>();
  const dayStart = (day: number) => {
    let t = midnight.get(day);
    if (t === undefined) {
      const [year, month, d] = isoFromDayNumber(day).split('-').map(Number);
      midnight.set(day, (t = zonedTimeToEpoch({ year, month, day: d }, at.timeZone)));
    }
    return t;
  };
  let insert = 0;
  for (const a of book.accounts) {
    const rng = new Rng(book.seed).fork(`files-${a.externalId}`);
    // A user's clock on a day: events follow one another from a morning start, never at the same second.
    const clock = new Map<string, number>();
    for (const row of usageRows(a, at)) {
      const email = a.users[row.user].email;
      const event = eventName(book, row.feature, rng);
      if (row.day < cutover) {
        pendo.add(`${isoFromDayNumber(row.day)},${email},${a.externalId},${cell(event)},${row.events},${row.minutes}`);
        continue;
      }
      const key = `${row.day}:${row.user}`;
      let t = clock.get(key) ?? dayStart(row.day) + rng.int(7 * 3600, 10 * 3600) * 1000;
      for (let n = 0; n < row.events; n++) {
        t += rng.int(20, 420) * 1000;
        if (t > at.now) break;
        const name = n === 0 ? event : eventName(book, row.feature, rng);
        insert += 1;
        mixpanel.add(`${cell(name)},${Math.floor(t / 1000)},${email},${email},${a.externalId},${insert.toString(16).padStart(12, '0')},web`);
      }
      clock.set(key, t);
    }
  }
  pendo.close();
  mixpanel.close();
  return { pendo: pendo.rows, mixpanel: mixpanel.rows };
}

/** Writes the five files into `dir`; returns each file's path and data rows. */
export function writeDemoFiles(book: DemoBook, at: Placement, dir: string): Record<DemoFileName, { path: string; rows: number }> {
  const file = (name: DemoFileName) => path.join(dir, DEMO_FILES[name]);
  const usage = writeUsage(book, at, file('pendo'), file('mixpanel'));
  return {
    features: { path: file('features'), rows: writeFeatures(book, file('features')) },
    accounts: { path: file('accounts'), rows: writeAccounts(book, at, file('accounts')) },
    contacts: { path: file('contacts'), rows: writeContacts(book, at, file('contacts')) },
    pendo: { path: file('pendo'), rows: usage.pendo },
    mixpanel: { path: file('mixpanel'), rows: usage.mixpanel },
  };
}
