// Every docs/METRICS.md metric for one account as of a date (`metrics.account`, the CLI's `metrics --json`), the
// portfolio's totals, and the recommendations. The formulas live in src/shared/metrics; this file only loads the
// account's data and hands it over.
import { dayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import {
  accountEngagementScore,
  breadth,
  campaignUplift,
  availableFeatures,
  enabledKeyFeatures,
  engagementRaw,
  engagementScale,
  executiveActivity,
  exposure,
  featureAdoption,
  timeToFirstKeyAction,
} from '../../shared/metrics/breadth';
import { recordsAsOf } from '../../shared/metrics/as-of';
import { isRetained, type RenewalRecord } from '../../shared/metrics/benchmarks';
import { lastDays, userLabel } from '../../shared/metrics/inputs';
import { journeyStage } from '../../shared/metrics/journey';
import { recommendations } from '../../shared/metrics/recommendations';
import {
  openSupportCases,
  qbrDaysSince,
  qbrOverdue,
  responseRates,
  satisfaction,
  supportCaseSuccessRate,
  touchpointTrend,
} from '../../shared/metrics/relationship';
import { continuousAdoption, earlyWarnings, milestoneStatus, timeToOnboardKpi, timeToValueDays } from '../../shared/metrics/time-to-value';
import { isAdoptedAccount, usageMetrics } from '../../shared/metrics/usage';
import { loadBundles, type AccountBundle } from '../db/account-bundles';
import { loadFeatures } from '../db/features';
import { activeUsersByAccount, loadUsageRows, userEngagement } from '../db/usage';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { healthInputs, liveHealth } from './health-compute';
import { listHealth } from './health';
import { readMetricsSettings } from './metrics-settings';

/** The account's records as they stood on day d (docs/METRICS.md: as of D, nothing dated after D exists). */
function bundleOf(ctx: ServiceContext, id: number, d: number): AccountBundle {
  const [bundle] = loadBundles(ctx, id, d);
  if (!bundle) throw new AppError('not_found', `There is no account with id ${id}.`);
  return recordsAsOf(bundle, d);
}

/** The latest kept-customer renewal among renewals already taken as of a date. */
const lastRetained = (renewals: readonly RenewalRecord[]): string | null =>
  renewals.filter((r) => isRetained(r.outcome)).reduce<string | null>((max, r) => (max === null || r.renewalDate > max ? r.renewalDate : max), null);

export function accountMetrics(ctx: ServiceContext, input: MethodInput<'metrics.account'>): MethodOutput<'metrics.account'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const d = dayNumber(asOf);
  const settings = readMetricsSettings(ctx);
  const bundle = bundleOf(ctx, input.id, d);
  const { account, users, milestones, qbrs, touchpoints, surveys } = bundle;
  const features = loadFeatures(ctx);
  const featureById = new Map(features.map((f) => [f.id, f]));
  const rows = loadUsageRows(ctx, account.id, Number.MIN_SAFE_INTEGER, d);
  const month = lastDays(d, 30);
  const keyIds = new Set(features.filter((f) => f.isKey).map((f) => f.id));
  const enabledKeys = enabledKeyFeatures(features, bundle.entitlements);
  const usage = usageMetrics({ rows, users, licenses: account.licenses, keyFeatureIds: keyIds, asOfDay: d, settings });
  const hasUsage = usage.mau !== null;

  const usedInMonth = new Set(rows.filter((r) => r.day >= month.from && r.featureId !== 0).map((r) => r.featureId));
  const listed = availableFeatures(features, bundle.entitlements).map((f) => f.id);
  const adoptionIds = [...new Set([...listed, ...usedInMonth])].filter((id) => featureById.has(id));
  const adoption = featureAdoption(rows, month, adoptionIds);
  const b = breadth(rows, month, enabledKeys.map((f) => f.id));
  // Every active user's raw engagement in the window, across the portfolio: the scale of the engagement score.
  const scale = engagementScale(userEngagement(ctx, month.from, month.to));
  const exp = exposure(users, usage.cadences);
  const execs = executiveActivity(users.filter((u) => u.role === 'executive'), rows, d);
  const userById = new Map(users.map((u) => [u.id, u]));
  const firstKeyAction = timeToFirstKeyAction(rows, d, keyIds);

  const onboarding = milestones.find((m) => m.kind === 'onboarding_complete');
  const computedStage = journeyStage(
    { contractStart: account.contractStart, renewalDate: account.renewalDate, onboardingMilestone: onboarding ?? null, renewedOn: lastRetained(bundle.renewals), asOf },
    settings.stageLengths,
  );
  const stage = account.stageOverride ?? computedStage;
  const qbrDays = qbrDaysSince(qbrs, asOf);
  const support = supportCaseSuccessRate(touchpoints, lastDays(d, 90));
  const health = liveHealth(ctx, bundle, d, healthInputs(ctx, settings));

  return {
    id: account.id,
    name: account.name,
    asOf,
    dau: usage.dau,
    wau: usage.wau,
    mau: usage.mau,
    meanDau: usage.meanDau,
    stickiness: usage.stickiness,
    licenseUtilization: usage.licenseUtilization,
    unusedLicenses: usage.unusedLicenses,
    dailyUtilization: usage.dailyUtilization,
    eligibleUsers: usage.eligibleUsers,
    eligibleUsersDefinition: settings.eligibleUsers,
    adoptionRateActive: usage.adoptionRateActive,
    adoptedUsers: hasUsage ? usage.adoptedUserIds.length : null,
    adoptionRateAdopted: usage.adoptionRateAdopted,
    adoptedAccount: isAdoptedAccount(
      {
        onboardingAchieved: onboarding ? onboarding.achievedDate !== null && onboarding.achievedDate <= asOf : null,
        meanDailyActive: usage.meanDau,
        totalUsers: users.length,
      },
      settings.adoptedAccount,
    ),
    featureAdoption: Object.fromEntries(adoptionIds.map((id) => [featureById.get(id)?.name ?? String(id), adoption.get(id) ?? null])),
    breadth: hasUsage ? b.ratio : null,
    breadthDetail: {
      used: b.usedKeyFeatureIds.map((id) => featureById.get(id)?.name ?? String(id)),
      enabled: enabledKeys.map((f) => f.name),
    },
    timeToFirstKeyActionDays: firstKeyAction.medianDays,
    timeToFirstKeyActionUsers: firstKeyAction.perUser.size,
    knownUsers: users.length,
    engagementScore: accountEngagementScore(
      engagementRaw(rows, month),
      scale,
      settings.engagementWeights,
    ),
    exposure: hasUsage ? exp.share : null,
    exposureDetail: {
      roles: exp.roles,
      departments: exp.departments,
      executives: execs.map((e) => ({
        id: e.userId,
        name: userLabel(userById.get(e.userId) ?? { name: null, email: null }),
        activeDays30: e.activeDays30,
        weeksActive: e.weeksActive,
      })),
    },
    usageCadence: usage.cadences.map((c) => {
      const u = userById.get(c.userId);
      return {
        id: c.userId,
        name: userLabel(u ?? { name: null, email: null }),
        role: u?.role ?? 'end_user',
        department: u?.department ?? null,
        activeDays: c.activeDays,
        cadence: c.cadence,
        expected: c.expected,
        meets: c.meets,
      };
    }),
    stage,
    stageOverridden: account.stageOverride !== null,
    computedStage,
    ttvBasicDays: timeToValueDays(account.contractStart, milestones, 'basic_value', asOf),
    ttvExceededDays: timeToValueDays(account.contractStart, milestones, 'exceeded_value', asOf),
    timeToOnboardDays: timeToValueDays(account.contractStart, milestones, 'onboarding_complete', asOf),
    milestones: milestones.map((m) => ({ ...milestoneStatus(m, asOf), targetDate: m.targetDate, achievedDate: m.achievedDate })),
    earlyWarnings: earlyWarnings(
      { contractStart: account.contractStart, touchpoints, stage, licenseUtilization: usage.licenseUtilization, asOf },
      settings,
    ),
    adoptionCurve: continuousAdoption(rows, account.contractStart, d),
    qbrDaysSince: qbrDays,
    qbrOverdue: qbrOverdue(qbrDays, account.contractStart, asOf, settings.qbrOverdueDays),
    responseRates: responseRates(qbrs, touchpoints, asOf),
    supportCaseSuccessRate: support.rate,
    supportCases: { closed: support.closed, succeeded: support.succeeded, open: openSupportCases(touchpoints, asOf).length },
    touchpointTrend: touchpointTrend(touchpoints, d, 90),
    satisfaction: satisfaction(surveys, asOf),
    campaignUplift: touchpoints
      .filter((t) => t.kind === 'campaign' && t.date <= asOf)
      // One launch per campaign and day: an imported campaign is a touchpoint per contact who got it.
      .filter((t, i, all) => all.findIndex((o) => o.title === t.title && o.date === t.date && o.featureId === t.featureId) === i)
      .map((t) => ({
        title: t.title,
        date: t.date,
        feature: t.featureId === null ? null : (featureById.get(t.featureId)?.name ?? null),
        ...campaignUplift(rows, t.featureId, dayNumber(t.date), d),
      })),
    health: health.score,
    healthStatus: health.status,
  };
}

export function portfolioMetrics(ctx: ServiceContext, input: MethodInput<'metrics.portfolio'>): MethodOutput<'metrics.portfolio'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const d = dayNumber(asOf);
  const settings = readMetricsSettings(ctx);
  const health = listHealth(ctx, { asOf });
  const scores = health.items.map((i) => i.score).filter((s): s is number => s !== null);
  const perAccount = activeUsersByAccount(ctx, d - 29, d);
  const licensed = perAccount.filter((a) => a.licenses !== null && a.licenses > 0);
  const licenses = licensed.reduce((s, a) => s + (a.licenses ?? 0), 0);
  const onboarded = loadBundles(ctx, undefined, d).map((all) => recordsAsOf(all, d)).map((b) => ({
    contractStart: b.account.contractStart,
    onboardedDate: b.milestones.find((m) => m.kind === 'onboarding_complete')?.achievedDate ?? null,
  }));
  return {
    asOf,
    accounts: health.items.length,
    counts: health.counts,
    meanHealth: scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    mau: perAccount.reduce((s, a) => s + a.mau, 0),
    licenses,
    licenseUtilization: licenses > 0 ? licensed.reduce((s, a) => s + a.mau, 0) / licenses : null,
    timeToOnboard: timeToOnboardKpi(onboarded, settings.timeToOnboardExpectedDays, asOf),
  };
}

export function accountRecommendations(
  ctx: ServiceContext,
  input: MethodInput<'recommendations.account'>,
): MethodOutput<'recommendations.account'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const d = dayNumber(asOf);
  const bundle = bundleOf(ctx, input.id, d);
  const features = loadFeatures(ctx);
  const items = recommendations({
    asOf,
    asOfDay: d,
    rows: loadUsageRows(ctx, bundle.account.id, d - 29, d),
    users: bundle.users,
    features,
    entitlements: bundle.entitlements,
    enabledKeyFeatureIds: enabledKeyFeatures(features, bundle.entitlements).map((f) => f.id),
    satisfaction: satisfaction(bundle.surveys, asOf),
    milestones: bundle.milestones,
  });
  return { items };
}

export function metricsHandlers(ctx: ServiceContext): HandlerGroup<'metrics.account' | 'metrics.portfolio' | 'recommendations.account'> {
  return {
    'metrics.account': (input) => accountMetrics(ctx, input),
    'metrics.portfolio': (input) => portfolioMetrics(ctx, input),
    'recommendations.account': (input) => accountRecommendations(ctx, input),
  };
}
