// Onboarding that starts itself (docs/METRICS.md "Onboarding template"): the template's milestones added to the
// accounts an import creates (or first gives a contract start), recorded in import_changes so undoing the import
// removes them; and the first-key-action / onboarding-complete milestones marked achieved from the usage data,
// never over a date the CSM set. Both run inside the caller's transaction (the import's, or the undo's).
import type Database from 'better-sqlite3';
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { TEMPLATE_NAMES, parseOnboardingTemplate, templateTargets, usageMilestoneDays, type OnboardingTemplate } from '../../shared/metrics/onboarding';

export const ONBOARDING_TEMPLATE_KEY = 'onboarding.template';

export function readOnboardingTemplate(sqlite: Database.Database): OnboardingTemplate {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(ONBOARDING_TEMPLATE_KEY) as { value: string } | undefined;
  let value: unknown = undefined;
  try {
    value = row ? JSON.parse(row.value) : undefined;
  } catch {
    value = undefined;
  }
  return parseOnboardingTemplate(value);
}

/**
 * The template's milestones for each account the import created or first gave a contract start (its row before
 * the import had none), that now has a contract start and no milestone at all. Returns the accounts it added to.
 */
export function applyOnboardingTemplate(sqlite: Database.Database, importId: number, now: number): number[] {
  const template = readOnboardingTemplate(sqlite);
  if (!template.enabled) return [];
  const accounts = sqlite
    .prepare(
      `SELECT DISTINCT a.id, a.contract_start AS contractStart FROM import_changes c JOIN accounts a ON a.id = c.row_id
       WHERE c.import_id = ? AND c.table_name = 'accounts'
         AND (c.before IS NULL OR json_extract(c.before, '$.contract_start') IS NULL)
         AND a.contract_start IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.account_id = a.id)
       ORDER BY a.id`,
    )
    .all(importId) as { id: number; contractStart: string }[];
  const insert = sqlite.prepare('INSERT INTO milestones (account_id, kind, name, target_date, created_at) VALUES (?, ?, ?, ?, ?)');
  const change = sqlite.prepare("INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, 'milestones', ?, NULL)");
  for (const a of accounts) {
    for (const m of templateTargets(a.contractStart, template)) {
      const id = Number(insert.run(a.id, m.kind, TEMPLATE_NAMES[m.kind], m.targetDate, now).lastInsertRowid);
      change.run(importId, id);
    }
  }
  return accounts.map((a) => a.id);
}

/**
 * For these accounts, the first-key-action and onboarding-complete milestones the CSM has not dated by hand take
 * the day the usage data shows (usageMilestoneDays), or lose a date usage gave that the data no longer shows (an
 * undone import). A milestone with achieved_source 'csm' (or a date from before the flag existed) is never touched.
 */
export function markMilestonesFromUsage(sqlite: Database.Database, which: readonly number[] | 'all'): void {
  const accountIds =
    which === 'all'
      ? (sqlite.prepare("SELECT DISTINCT account_id FROM milestones WHERE kind IN ('first_key_action', 'onboarding_complete')").raw().all() as [number][]).map((r) => r[0])
      : which;
  if (accountIds.length === 0) return;
  const template = readOnboardingTemplate(sqlite);
  const open = sqlite.prepare(
    `SELECT id, kind, achieved_date AS achievedDate FROM milestones
     WHERE account_id = ? AND kind IN ('first_key_action', 'onboarding_complete')
       AND (achieved_source = 'usage' OR (achieved_source IS NULL AND achieved_date IS NULL))`,
  );
  const account = sqlite.prepare('SELECT contract_start AS contractStart, licenses FROM accounts WHERE id = ?');
  // Each user's first day with an event on a key feature at this account (on or after the contract start).
  const firstKeyDays = sqlite.prepare(
    `SELECT min(d.day) AS day FROM usage_daily d JOIN features f ON f.id = d.feature_id
     WHERE d.account_id = ? AND d.events > 0 AND f.is_key = 1 AND d.day >= ? GROUP BY d.user_id`,
  );
  const knownUsers = sqlite.prepare(
    'SELECT count(*) AS n FROM (SELECT id FROM users WHERE account_id = :id UNION SELECT user_id FROM user_accounts WHERE account_id = :id)',
  );
  const set = sqlite.prepare('UPDATE milestones SET achieved_date = ?, achieved_source = ? WHERE id = ?');
  for (const accountId of accountIds) {
    const milestones = open.all(accountId) as { id: number; kind: string; achievedDate: string | null }[];
    if (milestones.length === 0) continue;
    const a = account.get(accountId) as { contractStart: string | null; licenses: number | null } | undefined;
    if (!a) continue;
    const fromDay = a.contractStart ? dayNumber(a.contractStart) : -1e9;
    const days = (firstKeyDays.all(accountId, fromDay) as { day: number }[]).map((r) => r.day);
    const seats = a.licenses ?? (knownUsers.get({ id: accountId }) as { n: number }).n;
    const found = usageMilestoneDays(days, seats, template.onboardedSharePercent);
    for (const m of milestones) {
      const day = m.kind === 'first_key_action' ? found.firstKeyAction : found.onboardingComplete;
      const date = day === null ? null : isoFromDayNumber(day);
      if (date !== m.achievedDate) set.run(date, date === null ? null : 'usage', m.id);
    }
  }
}
