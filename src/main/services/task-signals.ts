// The signals of the work queue (issue #14, point 1; docs/METRICS.md, "Work queue"): every rule that raises a
// generated task, evaluated for every account as of one date. Each signal carries its key: the same fact on a later
// day gives the same key (so a task is raised once), and a new fact a new key (a new QBR, touchpoint, renewal date).
// Reads are one query per table for the whole book (loadBundles), plus one indexed lookup per account for usage.
import type { TaskKind, TaskPriority } from '../../shared/contract';
import { addDays, dayNumber, daysBetween, isoFromDayNumber } from '../../shared/dates';
import { formatDate } from '../../shared/format';
import { enabledKeyFeatures } from '../../shared/metrics/breadth';
import { recordsAsOf } from '../../shared/metrics/as-of';
import { isRetained } from '../../shared/metrics/benchmarks';
import { journeyStage } from '../../shared/metrics/journey';
import { recommendations } from '../../shared/metrics/recommendations';
import { qbrDaysSince, qbrOverdue, satisfaction } from '../../shared/metrics/relationship';
import type { MetricsSettings } from '../../shared/metrics/settings';
import { earlyWarnings } from '../../shared/metrics/time-to-value';
import { loadBundles, type AccountBundle } from '../db/account-bundles';
import { loadFeatures } from '../db/features';
import { accountsWithUsage, executivesLastActive, healthAround, lastRenewalConversations, lastTouches } from '../db/tasks';
import { activeUsersByAccount, loadUsageRows } from '../db/usage';
import type { StoreContext } from './context';

export interface Signal {
  accountId: number;
  kind: Exclude<TaskKind, 'manual' | 'action_item'>;
  key: string;
  title: string;
  reason: string;
  facts: Record<string, unknown>;
  due: string | null;
  priority: TaskPriority;
}

/** Renewal conversations: looked for this many days before the renewal date. */
export const RENEWAL_CONVERSATION_DAYS = 120;
/** Health: a drop of at least this many points over HEALTH_DROP_DAYS raises a task. */
export const HEALTH_DROP_POINTS = 10;
export const HEALTH_DROP_DAYS = 30;
/** An executive is dormant after this many days without activity, if active within the last DORMANT_LOOKBACK_DAYS. */
export const DORMANT_DAYS = 30;
export const DORMANT_LOOKBACK_DAYS = 180;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function relationshipSignals(b: AccountBundle, asOf: string, settings: MetricsSettings, touch: { last: string | null; conversation: string | null }): Signal[] {
  const { account } = b;
  const out: Signal[] = [];
  const base = { accountId: account.id };
  // QBR overdue: the metric of docs/METRICS.md (days since the last QBR > qbrOverdueDays, or the contract older than that with none).
  const days = qbrDaysSince(b.qbrs, asOf);
  if (qbrOverdue(days, account.contractStart, asOf, settings.qbrOverdueDays) === true) {
    const last = b.qbrs.reduce<string | null>((m, q) => (m === null || q.date > m ? q.date : m), null);
    const from = last ?? (account.contractStart as string);
    out.push({
      ...base,
      kind: 'qbr_overdue',
      key: last ?? 'none',
      title: `Hold a QBR with ${account.name}`,
      reason: last
        ? `The last QBR was on ${formatDate(last)}, ${plural(days ?? 0, 'day')} ago (overdue after ${settings.qbrOverdueDays}).`
        : `No QBR since the contract started on ${formatDate(from)}, ${plural(daysBetween(from, asOf), 'day')} ago (overdue after ${settings.qbrOverdueDays}).`,
      facts: { lastQbr: last, contractStart: account.contractStart, daysSince: last ? days : daysBetween(from, asOf), overdueAfterDays: settings.qbrOverdueDays },
      due: addDays(from, settings.qbrOverdueDays + 1),
      priority: 'medium',
    });
  }
  const renewal = account.renewalDate;
  if (renewal !== null && renewal >= asOf && daysBetween(asOf, renewal) <= RENEWAL_CONVERSATION_DAYS) {
    const windowFrom = addDays(renewal, -RENEWAL_CONVERSATION_DAYS);
    if (touch.conversation === null || touch.conversation < windowFrom) {
      const left = daysBetween(asOf, renewal);
      out.push({
        ...base,
        kind: 'renewal_conversation',
        key: renewal,
        title: `Start the renewal conversation with ${account.name}`,
        reason: `Renewal on ${formatDate(renewal)}, in ${plural(left, 'day')}, and no renewal conversation logged since ${formatDate(windowFrom)}.`,
        facts: { renewalDate: renewal, daysToRenewal: left, lastRenewalConversation: touch.conversation, windowDays: RENEWAL_CONVERSATION_DAYS },
        due: addDays(renewal, -90) > asOf ? addDays(renewal, -90) : asOf,
        priority: left <= 60 ? 'high' : 'medium',
      });
    }
  }
  if (renewal !== null && renewal < asOf) {
    // An outcome recorded up to 90 days early counts (an early renewal); "pending" is not an outcome.
    const decided = b.renewals.some((r) => r.outcome !== 'pending' && r.renewalDate >= addDays(renewal, -90));
    if (!decided) {
      out.push({
        ...base,
        kind: 'renewal_outcome',
        key: renewal,
        title: `Record the renewal outcome of ${account.name}`,
        reason: `The renewal date ${formatDate(renewal)} passed ${plural(daysBetween(renewal, asOf), 'day')} ago with no outcome recorded.`,
        facts: { renewalDate: renewal, daysPassed: daysBetween(renewal, asOf) },
        due: renewal,
        priority: 'high',
      });
    }
  }
  // No touchpoint: the last call, e-mail, meeting or QBR (else the contract start) older than the stage's setting.
  const onboarding = b.milestones.find((m) => m.kind === 'onboarding_complete') ?? null;
  const lastRetained = b.renewals.filter((r) => isRetained(r.outcome)).reduce<string | null>((m, r) => (m === null || r.renewalDate > m ? r.renewalDate : m), null);
  const stage =
    account.stageOverride ??
    journeyStage({ contractStart: account.contractStart, renewalDate: renewal, onboardingMilestone: onboarding, renewedOn: lastRetained, asOf }, settings.stageLengths);
  const since = touch.last ?? (account.contractStart !== null && account.contractStart <= asOf ? account.contractStart : null);
  if (stage !== null && since !== null) {
    const limit = settings.noTouchpointDays[stage];
    const quiet = daysBetween(since, asOf);
    if (quiet >= limit) {
      out.push({
        ...base,
        kind: 'no_touchpoint',
        key: touch.last ?? `start:${since}`,
        title: `Check in with ${account.name}`,
        reason: touch.last
          ? `No call, e-mail, meeting or QBR logged for ${plural(quiet, 'day')} (last on ${formatDate(touch.last)}); the ${stage} stage expects one every ${limit}.`
          : `No call, e-mail, meeting or QBR logged since the contract started on ${formatDate(since)}; the ${stage} stage expects one every ${limit} days.`,
        facts: { lastTouchpoint: touch.last, daysSince: quiet, stage, limitDays: limit },
        due: addDays(since, limit),
        priority: stage === 'adoption' ? 'low' : 'medium',
      });
    }
  }
  for (const m of b.milestones) {
    if (m.targetDate === null || m.achievedDate !== null || m.targetDate >= asOf) continue;
    const late = daysBetween(m.targetDate, asOf);
    out.push({
      ...base,
      kind: 'milestone_overdue',
      key: `${m.id}:${m.targetDate}`,
      title: `Milestone overdue: ${m.name}`,
      reason: `"${m.name}" was due on ${formatDate(m.targetDate)}, ${plural(late, 'day')} ago, and is not achieved.`,
      facts: { milestoneId: m.id, milestone: m.name, milestoneKind: m.kind, targetDate: m.targetDate, daysLate: late },
      due: m.targetDate,
      priority: m.kind === 'onboarding_complete' || late > 30 ? 'high' : 'medium',
    });
  }
  return out;
}

const SEVERITY: Record<string, TaskPriority> = { critical: 'high', warning: 'medium', info: 'low' };

/** Below this many accounts, bundles are read account by account (indexed); above, the whole book in one pass. */
const BUNDLES_ONE_BY_ONE = 200;

function bundlesOf(ctx: StoreContext, d: number, only: ReadonlySet<number> | null): AccountBundle[] {
  if (only === null) return loadBundles(ctx, undefined, d);
  if (only.size <= BUNDLES_ONE_BY_ONE) return [...only].flatMap((id) => loadBundles(ctx, id, d));
  return loadBundles(ctx, undefined, d).filter((b) => only.has(b.account.id));
}

/** Every signal standing on `asOf` (today: the queue is about now) for every account, or for the accounts in `only`. */
export function detectSignals(ctx: StoreContext, asOf: string, settings: MetricsSettings, only: ReadonlySet<number> | null = null): Signal[] {
  const d = dayNumber(asOf);
  const bundles = bundlesOf(ctx, d, only).map((b) => recordsAsOf(b, d));
  const ids = only === null ? null : [...only];
  const touches = lastTouches(ctx, asOf, ids);
  const conversations = lastRenewalConversations(ctx, asOf, ids);
  const withUsage = accountsWithUsage(ctx, d, ids);
  const mau = new Map(activeUsersByAccount(ctx, d - 29, d, ids).map((a) => [a.id, a]));
  const executives = executivesLastActive(ctx, d - DORMANT_LOOKBACK_DAYS + 1, d, ids);
  const health = healthAround(ctx, asOf, HEALTH_DROP_DAYS, ids);
  const features = loadFeatures(ctx);
  const out: Signal[] = [];
  for (const b of bundles) {
    const { account } = b;
    out.push(...relationshipSignals(b, asOf, settings, { last: touches.get(account.id) ?? null, conversation: conversations.get(account.id) ?? null }));
    // Early warnings: the metric's own rule (docs/METRICS.md), with the account's stage and license utilization.
    const usage = mau.get(account.id);
    // As metrics.account: no usage on record at all is "no data", not 0 % utilization.
    const utilization = usage && usage.licenses && withUsage.has(account.id) ? usage.mau / usage.licenses : null;
    const onboarding = b.milestones.find((m) => m.kind === 'onboarding_complete') ?? null;
    const stage = account.stageOverride ?? journeyStage({ contractStart: account.contractStart, renewalDate: account.renewalDate, onboardingMilestone: onboarding, asOf }, settings.stageLengths);
    for (const w of earlyWarnings({ contractStart: account.contractStart, touchpoints: b.touchpoints, stage, licenseUtilization: utilization, asOf }, settings)) {
      out.push({ accountId: account.id, kind: 'early_warning', key: w.kind, title: `Early warning: ${account.name}`, reason: w.message, facts: { warning: w.kind, stage, licenseUtilization: utilization }, due: asOf, priority: 'high' });
    }
    const rows = usage && usage.mau > 0 ? loadUsageRows(ctx, account.id, d - 29, d) : [];
    const recs = recommendations({
      asOf,
      asOfDay: d,
      rows,
      users: b.users,
      features,
      entitlements: b.entitlements,
      enabledKeyFeatureIds: enabledKeyFeatures(features, b.entitlements).map((f) => f.id),
      satisfaction: satisfaction(b.surveys, asOf),
      milestones: b.milestones,
    });
    for (const r of recs) {
      const subjects = [...r.features.map((f) => `f${f.id}`), ...r.milestones.map((m) => `m${m.id}`)].join(',');
      out.push({
        accountId: account.id,
        kind: 'recommendation',
        key: subjects ? `${r.kind}:${subjects}` : r.kind,
        title: r.title,
        reason: r.detail,
        facts: { recommendation: r.kind, severity: r.severity, users: r.users, features: r.features, milestones: r.milestones },
        due: asOf,
        priority: SEVERITY[r.severity] ?? 'medium',
      });
    }
    for (const e of executives.get(account.id) ?? []) {
      const quiet = d - e.lastDay;
      if (quiet < DORMANT_DAYS) continue;
      const last = isoFromDayNumber(e.lastDay);
      out.push({
        accountId: account.id,
        kind: 'stakeholder_dormant',
        key: `user:${e.userId}:${last}`,
        title: `Re-engage ${e.name} at ${account.name}`,
        reason: `${e.name} (executive) has not used the product for ${plural(quiet, 'day')}, since ${formatDate(last)}.`,
        facts: { userId: e.userId, name: e.name, role: 'executive', lastActive: last, daysSince: quiet },
        due: asOf,
        priority: 'medium',
      });
    }
    const h = health.get(account.id);
    if (h && h.now - h.then <= -HEALTH_DROP_POINTS) {
      const drop = Math.round((h.then - h.now) * 10) / 10;
      out.push({
        accountId: account.id,
        kind: 'health_drop',
        key: 'drop',
        title: `Health fell ${drop} points at ${account.name}`,
        reason: `Health went from ${Math.round(h.then)} on ${formatDate(h.thenDay)} to ${Math.round(h.now)} on ${formatDate(h.nowDay)}, down ${drop} points in ${HEALTH_DROP_DAYS} days.`,
        facts: { from: h.then, fromDay: h.thenDay, to: h.now, toDay: h.nowDay, drop },
        due: asOf,
        priority: drop >= 20 ? 'high' : 'medium',
      });
    }
  }
  return out;
}
