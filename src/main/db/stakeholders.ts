// The stakeholders table (issue #14, point 9): the CSM's sponsor / champion / detractor flag per person, and each
// person's last day of usage at an account, for their last touch.
import type { StakeholderFlag } from '../../shared/contract';
import type { Store } from './open';
import { prepared } from './statements';

/** The flag of each flagged person among these. */
export function flagsOf(store: Store, userIds: readonly number[]): Map<number, StakeholderFlag> {
  const flags = new Map<number, StakeholderFlag>();
  const stmt = prepared(store.sqlite, 'SELECT flag FROM stakeholders WHERE user_id = ?');
  for (const id of userIds) {
    const row = stmt.get(id) as { flag: StakeholderFlag } | undefined;
    if (row) flags.set(id, row.flag);
  }
  return flags;
}

export function setFlag(store: Store, userId: number, flag: StakeholderFlag | null, now: number): void {
  if (flag === null) prepared(store.sqlite, 'DELETE FROM stakeholders WHERE user_id = ?').run(userId);
  else {
    prepared(
      store.sqlite,
      'INSERT INTO stakeholders (user_id, flag, updated_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET flag = excluded.flag, updated_at = excluded.updated_at',
    ).run(userId, flag, now);
  }
}

/** Each person's last day (day number) with usage at the account, on or before toDay. */
export function lastActiveDays(store: Store, accountId: number, toDay: number): Map<number, number> {
  const rows = prepared(store.sqlite, 'SELECT user_id AS userId, max(day) AS day FROM usage_daily WHERE account_id = ? AND day <= ? GROUP BY user_id').all(
    accountId,
    toDay,
  ) as { userId: number; day: number }[];
  return new Map(rows.map((r) => [r.userId, r.day]));
}

export function userExists(store: Store, userId: number): boolean {
  return prepared(store.sqlite, 'SELECT 1 FROM users WHERE id = ?').get(userId) !== undefined;
}
