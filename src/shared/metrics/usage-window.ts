// A trailing 30-day window over one account's daily activity that slides one day at a time: health for every
// day of a year of history costs one pass over the rollups instead of 365 queries. The live computation for a
// single as-of day uses the same window, so a backfilled snapshot and a live score can never disagree.
import type { UsageRow } from './inputs';

/** One day of one account: its distinct active users and distinct features used (0 = none is not a feature). */
export interface DayActivity {
  day: number;
  users: number[];
  features: number[];
}

/** Groups rollup rows into days, ascending; rows with no events do not make a user active. */
export function groupByDay(rows: readonly UsageRow[]): DayActivity[] {
  const days = new Map<number, { users: Set<number>; features: Set<number> }>();
  for (const r of rows) {
    if (r.events <= 0) continue;
    let d = days.get(r.day);
    if (!d) days.set(r.day, (d = { users: new Set(), features: new Set() }));
    d.users.add(r.userId);
    if (r.featureId !== 0) d.features.add(r.featureId);
  }
  return [...days]
    .sort(([a], [b]) => a - b)
    .map(([day, d]) => ({ day, users: [...d.users], features: [...d.features] }));
}

export class UsageWindow {
  private readonly queue: DayActivity[] = [];
  private head = 0;
  /** Distinct active days per user inside the window. */
  readonly userDays = new Map<number, number>();
  /** Days each feature was used inside the window. */
  readonly featureDays = new Map<number, number>();
  /** The latest day ever added (it stays after the day leaves the window). */
  lastEventDay: number | null = null;

  constructor(readonly length = 30) {}

  /** Adds one day's activity; days must arrive in increasing order. */
  add(a: DayActivity): void {
    if (a.users.length === 0) return;
    this.queue.push(a);
    for (const u of a.users) this.userDays.set(u, (this.userDays.get(u) ?? 0) + 1);
    for (const f of a.features) this.featureDays.set(f, (this.featureDays.get(f) ?? 0) + 1);
    if (this.lastEventDay === null || a.day > this.lastEventDay) this.lastEventDay = a.day;
  }

  /** Makes the window end at asOfDay: drops the days before asOfDay − length + 1. */
  advanceTo(asOfDay: number): void {
    const from = asOfDay - this.length + 1;
    while (this.head < this.queue.length && this.queue[this.head].day < from) {
      const old = this.queue[this.head++];
      for (const u of old.users) decrement(this.userDays, u);
      for (const f of old.features) decrement(this.featureDays, f);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Distinct active users in the window. */
  get activeUsers(): number {
    return this.userDays.size;
  }

  usedFeatures(among: ReadonlySet<number> | readonly number[]): Set<number> {
    const used = new Set<number>();
    for (const f of among) if (this.featureDays.has(f)) used.add(f);
    return used;
  }
}

function decrement(m: Map<number, number>, key: number): void {
  const n = (m.get(key) ?? 0) - 1;
  if (n <= 0) m.delete(key);
  else m.set(key, n);
}
