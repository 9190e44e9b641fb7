// Books built only from files shaped like real vendor exports: the Salesforce account report of
// tests/fixtures/book (or one written here for many accounts, with the report's headers, M/D/YYYY dates and
// "$480,000.00" revenue) and Mixpanel raw-event exports written from a seed (epoch-second times, `$email`/`$name`
// people columns, product event names, people who share a display name across accounts, events of an account the
// book does not have).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { startImport } from '../../src/main/services/imports';
import { isoFromDayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'book');
/** The Account IDs of tests/fixtures/book/salesforce-accounts.csv. */
export const FIXTURE_ACCOUNTS = ['0015g00000NwTrAAAZ', '0015g00000CoNtAAAZ', '0015g00000FaBrAAAZ'];
const EVENTS = ['Viewed Dashboard', 'Exported Report', 'Created Alert', 'Exported CSV', 'Logged In'];

/**
 * A Mixpanel raw-event export (the fixture's columns) of seeded events on days [fromDay, toDay] for the given
 * Salesforce Account IDs (company_id): account a has 6 + 3a people, each active on a day with chance 0.15 + 0.1a
 * (capped). Returns the file.
 */
export function mixpanelExport(dir: string, name: string, seed: number, fromDay: number, toDay: number, accounts: readonly string[] = FIXTURE_ACCOUNTS): string {
  const r = new Rng(seed);
  const lines = ['event,time,distinct_id,$email,$name,company_id,$insert_id,mp_lib'];
  let n = 0;
  for (let day = fromDay; day <= toDay; day++) {
    accounts.forEach((account, a) => {
      for (let u = 1; u <= 6 + (a % 4) * 3; u++) {
        if (!r.chance(Math.min(0.6, 0.15 + 0.1 * (a % 4)))) continue;
        const time = day * 86_400 + r.int(0, 86_399);
        lines.push(`${r.pick(EVENTS)},${time},u-${a}-${u},u${a}${u}@acct${a}.example,User ${a}-${u},${account},${name}-${n++},web`);
      }
    });
  }
  const file = path.join(dir, `${name}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Salesforce's M/D/YYYY. */
const usDate = (day: number) => {
  const [y, m, d] = isoFromDayNumber(day).split('-').map(Number);
  return `${m}/${d}/${y}`;
};

/**
 * A Salesforce account report (the fixture's headers and formats) of `count` accounts whose contracts started in
 * the 700 days before `today`; their Account IDs in the file's order.
 */
export function salesforceAccounts(dir: string, count: number, seed: number, today: number): { file: string; ids: string[] } {
  const r = new Rng(seed);
  const lines = ['"Account Name","Account ID","Account Owner","Industry","Type","Annual Revenue","Licenses","Contract Start Date","Renewal Date","Products"'];
  const ids: string[] = [];
  for (let a = 0; a < count; a++) {
    const id = `0015g0000${String(a).padStart(5, '0')}AAAZ`;
    ids.push(id);
    const start = today - r.int(30, 700);
    const revenue = (r.int(20, 900) * 1000).toLocaleString('en-US');
    lines.push(
      `"Customer ${a} ${r.pick(['Ltd', 'Inc', 'GmbH'])}","${id}","${r.pick(['Jane Doe', 'Sam Lee'])}","${r.pick(['Retail', 'Technology', 'Finance'])}","Customer - Direct","$${revenue}.00","${r.int(10, 60)}","${usDate(start)}","${usDate(start + 364)}","Dashboards; Report export; Alerts"`,
    );
  }
  const file = path.join(dir, 'salesforce-accounts.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, ids };
}

export async function importFile(b: Backend, file: string): Promise<void> {
  const summary = await startImport(b.context, { path: file }).done;
  expect(summary.error).toBeNull();
}

/** The Salesforce account report of tests/fixtures/book, imported in UTC. */
export async function vendorBook(b: Backend): Promise<void> {
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  await importFile(b, path.join(FIXTURES, 'salesforce-accounts.csv'));
}
