// The milestones table: time-to-value milestones per account (kickoff, onboarding complete, basic value…).
import { and, eq } from 'drizzle-orm';
import type { Store } from './open';
import { milestones } from './schema';

/** Every account's onboarding-complete milestone (or one account's) with its achieved date, null when not yet. */
export function onboardingDates(store: Store, accountId?: number): { accountId: number; achievedDate: string | null }[] {
  const where = accountId
    ? and(eq(milestones.kind, 'onboarding_complete'), eq(milestones.accountId, accountId))
    : eq(milestones.kind, 'onboarding_complete');
  return store.db
    .select({ accountId: milestones.accountId, achievedDate: milestones.achievedDate })
    .from(milestones)
    .where(where)
    .all();
}
