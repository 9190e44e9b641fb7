// A small hand-built book for the metrics and health tests, written with plain SQL: two accounts, raw usage events
// over 120 days (then rolled up into usage_daily the way the importer does), milestones, a QBR, touchpoints and
// surveys. Deterministic: the same rows on every run.
import type Database from 'better-sqlite3';
import { prng } from '../../bench/events-csv';
import { dayNumber } from '../../src/shared/dates';

export const AS_OF = '2026-11-20';
export const AS_OF_DAY = dayNumber(AS_OF);


/** user id → [account, role, department, chance of being active on a day, features it uses] */
const USERS: [number, number, string, string | null, number, number[]][] = [
  [1, 1, 'end_user', 'Sales', 0.7, [0, 1, 2]],
  [2, 1, 'end_user', 'Sales', 0.3, [0, 1]],
  [3, 1, 'manager', 'Sales', 0.15, [0, 3]],
  [4, 1, 'executive', 'Board', 0.08, [0]],
  [5, 1, 'admin', 'IT', 0.5, [0, 1, 3]],
  [6, 1, 'end_user', 'Finance', 0, []],
  [7, 2, 'end_user', 'Ops', 0.6, [0, 1, 2, 3]],
  [8, 2, 'admin', null, 0.2, [0]],
];

export function fillSmallBook(sqlite: Database.Database): { events: number } {
  sqlite.exec(`
    INSERT INTO accounts (id, name, licenses, contract_start, renewal_date) VALUES
      (1, 'Acme Corp', 20, '2026-01-01', '2027-06-01'),
      (2, 'Beta Ltd', 5, '2026-05-01', '2027-05-01');
    INSERT INTO features (id, key, name, is_key, is_paid) VALUES
      (1, 'reports', 'Reports', 1, 0), (2, 'export', 'Export', 1, 0), (3, 'forecast', 'Forecast', 0, 1), (4, 'audit', 'Audit', 1, 0);
    INSERT INTO entitlements (account_id, feature_id, paid) VALUES (1, 1, 0), (1, 2, 0), (1, 3, 1), (2, 1, 0), (2, 2, 0), (2, 3, 0), (2, 4, 0);
    INSERT INTO milestones (account_id, kind, name, target_date, achieved_date) VALUES
      (1, 'onboarding_complete', 'Onboarding complete', '2026-01-31', '2026-02-05'),
      (1, 'basic_value', 'Basic value', '2026-02-28', '2026-02-15'),
      (1, 'exceeded_value', 'Exceeded value', '2026-12-31', NULL);
    INSERT INTO qbrs (account_id, date, attendees, customer_response) VALUES
      (1, '2026-05-20', '[]', 'positive'), (1, '2026-09-01', '[]', 'neutral');
    INSERT INTO touchpoints (account_id, kind, date, title, case_status, closed_date, resolved, within_sla, feature_id, responded) VALUES
      (1, 'support_case', '2026-09-01', 'Login fails', 'closed', '2026-09-03', 1, 1, NULL, NULL),
      (1, 'support_case', '2026-10-01', 'Slow export', 'closed', '2026-10-20', 1, 0, NULL, NULL),
      (1, 'support_case', '2026-10-10', 'Wrong totals', 'closed', '2026-10-12', 1, NULL, NULL, NULL),
      (1, 'support_case', '2026-11-01', 'Forecast blank', 'open', NULL, NULL, NULL, NULL, NULL),
      (1, 'support_case', '2026-06-01', 'Old case', 'closed', '2026-06-02', 0, NULL, NULL, NULL),
      (1, 'call', '2026-10-15', 'Check-in', NULL, NULL, NULL, NULL, NULL, NULL),
      (1, 'campaign', '2026-09-15', 'Forecast launch', NULL, NULL, NULL, NULL, 3, 1);
    INSERT INTO surveys (account_id, user_id, date, kind, score) VALUES
      (1, 1, '2026-10-01', 'nps', 9), (1, 2, '2026-10-02', 'nps', 7), (1, 5, '2026-10-03', 'nps', 4),
      (1, NULL, '2026-10-05', 'csat', 4), (1, 1, '2026-10-05', 'proficiency', 4);
  `);
  const user = sqlite.prepare('INSERT INTO users (id, account_id, external_id, name, role, department) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [id, account, role, department] of USERS) user.run(id, account, `u${id}`, `User ${id}`, role, department);
  const event = sqlite.prepare('INSERT INTO usage_events (account_id, user_id, feature_id, ts, day, count, minutes) VALUES (?, ?, ?, ?, ?, 1, ?)');
  const random = prng(42);
  let events = 0;
  sqlite.transaction(() => {
    for (let day = AS_OF_DAY - 119; day <= AS_OF_DAY + 3; day++) {
      for (const [id, account, , , chance, features] of USERS) {
        if (random() >= chance) continue;
        const n = 1 + Math.floor(random() * 4);
        for (let k = 0; k < n; k++) {
          const feature = features[Math.floor(random() * features.length)];
          event.run(account, id, feature, day * 86_400_000 + k * 60_000 + id, day, Math.round(random() * 20));
          events += 1;
        }
      }
    }
  })();
  // The rollup, as the importer builds it.
  sqlite.exec(`INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes)
    SELECT account_id, user_id, feature_id, day, sum(count), sum(minutes) FROM usage_events GROUP BY account_id, user_id, feature_id, day`);
  return { events };
}
