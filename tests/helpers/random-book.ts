// A random book of accounts written with plain SQL from a seed (src/shared/prng's Rng): accounts with licenses and
// contracts, users who start using the product on different days (and some who never do: contacts only), usage
// events rolled up the way the importer does, milestones achieved or not, QBRs, touchpoints (support cases that
// close later), surveys and renewal outcomes, all spread over the 400 days before the fixed clock's today.
import type Database from 'better-sqlite3';
import { isoFromDayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';

export const BOOK_TODAY = '2026-11-24';
export const BOOK_FIRST_DAY = 20_781 - 400; // 2026-11-24 is day 20781

const ROLES = ['end_user', 'end_user', 'end_user', 'manager', 'executive', 'admin'] as const;
const KINDS = ['onboarding_complete', 'kickoff', 'basic_value', 'exceeded_value', 'first_key_action'] as const;

export function fillRandomBook(sqlite: Database.Database, seed: number): void {
  const r = new Rng(seed);
  const iso = (day: number) => isoFromDayNumber(day);
  const anyDay = () => r.int(BOOK_FIRST_DAY, BOOK_FIRST_DAY + 400);
  const features = r.int(2, 5);
  const feature = sqlite.prepare('INSERT INTO features (id, key, name, is_key, is_paid) VALUES (?, ?, ?, ?, ?)');
  for (let f = 1; f <= features; f++) feature.run(f, `f${f}`, `Feature ${f}`, r.chance(0.6) ? 1 : 0, r.chance(0.3) ? 1 : 0);
  const account = sqlite.prepare('INSERT INTO accounts (id, external_id, name, licenses, contract_start, renewal_date) VALUES (?, ?, ?, ?, ?, ?)');
  const user = sqlite.prepare('INSERT INTO users (id, account_id, external_id, name, email, role, department) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const event = sqlite.prepare('INSERT INTO usage_events (account_id, user_id, feature_id, ts, day, count, minutes) VALUES (?, ?, ?, ?, ?, 1, ?)');
  const milestone = sqlite.prepare('INSERT INTO milestones (account_id, kind, name, target_date, achieved_date) VALUES (?, ?, ?, ?, ?)');
  const qbr = sqlite.prepare("INSERT INTO qbrs (account_id, date, attendees, customer_response) VALUES (?, ?, '[]', ?)");
  const touch = sqlite.prepare(
    'INSERT INTO touchpoints (account_id, kind, date, title, case_status, closed_date, resolved, within_sla, feature_id, responded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const survey = sqlite.prepare('INSERT INTO surveys (account_id, user_id, date, kind, score) VALUES (?, ?, ?, ?, ?)');
  const renewal = sqlite.prepare(
    'INSERT INTO renewals (account_id, renewal_date, outcome, term_rolled, before_contract_start, before_renewal_date) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const term = sqlite.prepare('UPDATE accounts SET contract_start = ?, renewal_date = ? WHERE id = ?');
  let userId = 0;
  sqlite.transaction(() => {
    const accounts = r.int(3, 6);
    for (let a = 1; a <= accounts; a++) {
      const start = BOOK_FIRST_DAY + r.int(-200, 300);
      const contractStart = r.chance(0.9) ? iso(start) : null;
      account.run(a, `ext-${a}`, `Account ${a}`, r.chance(0.8) ? r.int(2, 15) : null, contractStart, iso(start + 365));
      for (let u = r.int(1, 10); u > 0; u--) {
        const id = ++userId;
        user.run(id, a, `u${id}`, r.chance(0.8) ? `User ${id}` : null, `u${id}@x.test`, r.pick(ROLES), r.chance(0.8) ? r.pick(['Sales', 'Ops', 'IT']) : null);
        if (r.chance(0.15)) continue; // a contact who never used the product
        const from = anyDay();
        const to = Math.min(BOOK_FIRST_DAY + 400, from + r.int(5, 300));
        const p = r.range(0.1, 0.8);
        for (let day = from; day <= to; day++) {
          if (!r.chance(p)) continue;
          for (let k = r.int(1, 3); k > 0; k--) event.run(a, id, r.int(0, features), day * 86_400_000 + k * 60_000, day, r.int(0, 30));
        }
      }
      for (const kind of r.sample(KINDS, r.int(0, 4))) {
        const target = anyDay();
        milestone.run(a, kind, kind, r.chance(0.9) ? iso(target) : null, r.chance(0.6) ? iso(target + r.int(-20, 40)) : null);
      }
      for (let q = r.int(0, 4); q > 0; q--) qbr.run(a, iso(anyDay()), r.pick(['positive', 'neutral', 'negative', 'none']));
      for (let t = r.int(0, 8); t > 0; t--) {
        const kind = r.pick(['call', 'email', 'meeting', 'support_case', 'campaign'] as const);
        const day = anyDay();
        const closed = kind === 'support_case' && r.chance(0.6);
        touch.run(a, kind, iso(day), `${kind} ${t}`, kind === 'support_case' ? (closed ? 'closed' : 'open') : null,
          closed ? iso(day + r.int(0, 40)) : null, closed ? (r.chance(0.8) ? 1 : 0) : null, closed && r.chance(0.7) ? (r.chance(0.7) ? 1 : 0) : null,
          kind === 'campaign' ? r.int(1, features) : null, kind === 'campaign' ? (r.chance(0.5) ? 1 : 0) : null);
      }
      for (let s = r.int(0, 5); s > 0; s--) {
        const kind = r.pick(['nps', 'csat', 'proficiency'] as const);
        survey.run(a, null, iso(anyDay()), kind, kind === 'nps' ? r.int(0, 10) : r.int(1, 5));
      }
      const outcomes: [number, string][] = [];
      for (let n = r.int(0, 2); n > 0; n--) outcomes.push([anyDay(), r.pick(['renewed', 'renewed', 'churned', 'pending'])]);
      // A renewal rolls the term on by a year and keeps the term it replaced, as recording one does.
      let [termStart, termEnd] = [contractStart, start + 365];
      for (const [day, outcome] of outcomes.sort((x, y) => x[0] - y[0])) {
        const rolled = outcome === 'renewed';
        renewal.run(a, iso(day), outcome, rolled ? 1 : 0, rolled ? termStart : null, rolled ? iso(termEnd) : null);
        if (rolled) [termStart, termEnd] = [iso(termEnd), termEnd + 365];
      }
      term.run(termStart, iso(termEnd), a);
    }
  })();
  // The rollup, as the importer builds it.
  sqlite.exec(`INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes)
    SELECT account_id, user_id, feature_id, day, sum(count), sum(minutes) FROM usage_events GROUP BY account_id, user_id, feature_id, day`);
}

/**
 * The store as it would have been on day D had nothing after D ever happened, by plain SQL on a copy: users first
 * seen after D, usage, QBRs, touchpoints, surveys, renewals and health snapshots after D deleted; milestones achieved
 * after D not achieved; support cases closed after D open.
 */
export function deleteAfter(sqlite: Database.Database, day: number): void {
  const d = isoFromDayNumber(day);
  sqlite.exec(`
    DELETE FROM usage_events WHERE user_id IN (SELECT user_id FROM usage_daily GROUP BY user_id HAVING min(day) > ${day});
    DELETE FROM users WHERE id IN (SELECT user_id FROM usage_daily GROUP BY user_id HAVING min(day) > ${day});
    DELETE FROM usage_events WHERE day > ${day};
    DELETE FROM usage_daily WHERE day > ${day};
    UPDATE milestones SET achieved_date = NULL WHERE achieved_date > '${d}';
    DELETE FROM qbr_action_items WHERE qbr_id IN (SELECT id FROM qbrs WHERE date > '${d}');
    DELETE FROM qbrs WHERE date > '${d}';
    DELETE FROM touchpoints WHERE date > '${d}';
    UPDATE touchpoints SET case_status = 'open', closed_date = NULL, resolved = NULL, within_sla = NULL WHERE closed_date > '${d}';
    DELETE FROM surveys WHERE date > '${d}';
    UPDATE accounts SET contract_start = b.s, renewal_date = b.e, arr_minor = b.a
      FROM (SELECT account_id, before_contract_start AS s, before_renewal_date AS e, before_arr_minor AS a, min(renewal_date)
            FROM renewals WHERE term_rolled = 1 AND renewal_date > '${d}' GROUP BY account_id) b
      WHERE accounts.id = b.account_id;
    DELETE FROM renewals WHERE renewal_date > '${d}';
    DELETE FROM health_snapshots_tenths WHERE day > '${d}';
  `);
}
