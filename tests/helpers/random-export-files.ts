// A random book as a CSM's export files, from a seed (src/shared/prng's Rng): a Salesforce account report, a features
// file and a Mixpanel event export whose users start on different days (some only after the as-of dates a test
// asks about). Nothing is written to the store here: the test imports the files like a CSM.
import fs from 'node:fs';
import path from 'node:path';
import { isoFromDayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';

export interface ExportBook {
  files: string[];
  accountIds: string[];
  firstDay: number;
  lastDay: number;
}

const EVENTS = ['Viewed Dashboard', 'Exported Report', 'Created Alert', 'Signed In', 'Shared Dashboard', 'Ran Forecast'];
const usDate = (day: number) => {
  const [y, m, d] = isoFromDayNumber(day).split('-').map(Number);
  return `${m}/${d}/${y}`;
};

export function writeExportBook(dir: string, seed: number): ExportBook {
  const r = new Rng(seed);
  const lastDay = 20_781; // 2026-11-24
  const firstDay = lastDay - 150;
  const accountIds: string[] = [];
  const accounts = ['"Account Name","Account ID","Licenses","Contract Start Date","Renewal Date"'];
  const events = ['event,time,distinct_id,$email,$name,company_id,$insert_id,mp_lib'];
  let user = 0;
  let insert = 0;
  for (let a = 1, n = r.int(2, 4); a <= n; a++) {
    const id = `0015g0000${seed}Acct${a}AAZ`;
    accountIds.push(id);
    const start = firstDay - r.int(0, 200);
    accounts.push(`"Account ${seed}-${a}","${id}","${r.int(3, 20)}","${usDate(start)}","${usDate(start + 364)}"`);
    for (let u = r.int(2, 9); u > 0; u--) {
      const uid = `u-${seed}-${++user}`;
      const from = r.int(firstDay, lastDay - 5);
      const p = r.range(0.15, 0.9);
      const favourites = r.sample(EVENTS, r.int(1, 4));
      for (let day = from; day <= Math.min(lastDay, from + r.int(10, 150)); day++) {
        if (!r.chance(p)) continue;
        for (let k = r.int(1, 3); k > 0; k--) {
          const ts = day * 86_400 + r.int(0, 86_399);
          events.push(`${r.pick(favourites)},${ts},${uid},${uid}@example.test,User ${uid},${id},ins${seed}-${insert++},web`);
        }
      }
    }
  }
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  const features = write('features.csv', [
    'Event,Feature,Key,Paid',
    'Viewed Dashboard,Dashboards,yes,no',
    'Shared Dashboard,Dashboards,,',
    'Exported *,Report export,yes,no',
    'Created Alert,Alerts,yes,no',
    'Ran Forecast,Forecast,no,no',
  ]);
  return { files: [write('salesforce-accounts.csv', accounts), features, write('mixpanel-events.csv', events)], accountIds, firstDay, lastDay };
}
