// Renewal likelihood (docs/METRICS.md, beyond the seeds): once enough renewal outcomes are known (20 by default), a
// logistic regression on the six health components as they stood 30 days before each renewal; every account gets
// a probability and its top drivers, and the model reports its cross-validated AUC. With fewer outcomes, or only
// one kind of outcome, it says there is not enough history instead of guessing.
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput } from '../../shared/contract';
import { crossValidatedAuc, drivers, fitLogistic, predict, type Example } from '../../shared/metrics/renewal-model';
import { COMPONENT_NAMES } from '../../shared/metrics/settings';
import { loadBundles } from '../db/account-bundles';
import { snapshotComponentsOn } from '../db/health-snapshots';
import { insertRenewal } from '../db/renewals';
import { AppError } from '../../shared/errors';
import { requireAccount } from './account-lookup';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { healthInputs, liveHealth } from './health-compute';
import { listHealth } from './health';
import { refreshHealthSnapshots, type SnapshotJson } from './health-snapshots';
import { readMetricsSettings } from './metrics-settings';

/** Features are taken this many days before the renewal: what a CSM could have seen while there was time to act. */
export const FEATURE_LEAD_DAYS = 30;
export const CV_FOLDS = 5;

export function renewalLikelihood(ctx: ServiceContext, input: MethodInput<'renewal.likelihood'>): MethodOutput<'renewal.likelihood'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const settings = readMetricsSettings(ctx);
  const needed = settings.renewalModelMinOutcomes;
  const inputs = healthInputs(ctx, settings);
  const bundles = loadBundles(ctx);
  const outcomes = bundles
    .flatMap((b) => b.renewals.filter((r) => r.outcome !== 'pending' && r.renewalDate <= asOf).map((r) => ({ bundle: b, r })))
    .sort((a, b) => a.r.renewalDate.localeCompare(b.r.renewalDate) || a.bundle.account.id - b.bundle.account.id);

  const examples: Example[] = outcomes.map(({ bundle, r }) => {
    const day = dayNumber(r.renewalDate) - FEATURE_LEAD_DAYS;
    const row = snapshotComponentsOn(ctx, bundle.account.id, isoFromDayNumber(day));
    const x = row?.components
      ? COMPONENT_NAMES.map((n) => (JSON.parse(row.components ?? '{}') as SnapshotJson)[n] ?? null)
      : liveHealth(ctx, bundle, day, inputs).components.map((c) => c.score);
    return { x, y: r.outcome === 'renewed' ? 1 : 0 };
  });
  const renewed = examples.filter((e) => e.y === 1).length;
  const churned = examples.length - renewed;
  if (examples.length < needed || renewed < 2 || churned < 2) {
    const why =
      examples.length < needed
        ? `${examples.length} renewal outcome${examples.length === 1 ? ' is' : 's are'} known; the model needs at least ${needed}.`
        : `The known outcomes need at least 2 renewals and 2 churns to learn from (${renewed} renewed, ${churned} churned).`;
    return { status: 'not_enough_history', outcomes: examples.length, needed, message: `Not enough history: ${why}` };
  }

  const model = fitLogistic(examples);
  const auc = crossValidatedAuc(examples, CV_FOLDS);
  const current = listHealth(ctx, { asOf }).items.filter((i) => input.id === undefined || i.id === input.id);
  return {
    status: 'ok',
    outcomes: examples.length,
    renewed,
    churned,
    auc,
    folds: CV_FOLDS,
    coefficients: COMPONENT_NAMES.map((component, j) => ({ component, weight: model.weights[j] })),
    accounts: current.map((a) => {
      const x = COMPONENT_NAMES.map((n) => a.components.find((c) => c.name === n)?.score ?? null);
      const effects = drivers(model, x);
      return {
        id: a.id,
        name: a.name,
        probability: predict(model, x),
        drivers: COMPONENT_NAMES.map((component, j) => ({ component, effect: effects[j], value: x[j] }))
          .sort((p, q) => Math.abs(q.effect) - Math.abs(p.effect))
          .slice(0, 3),
      };
    }),
  };
}

/**
 * Records how a renewal ended (renewed, churned) or that it is pending: the outcomes the likelihood model learns
 * from and the benchmarks compare against. No screen or importer writes them yet; the demo book does, through here.
 */
export function recordRenewalOutcome(
  ctx: ServiceContext,
  input: { accountId: number; renewalDate: string; outcome: 'renewed' | 'churned' | 'pending'; arrMinor: number | null },
): void {
  requireAccount(ctx, input.accountId);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.renewalDate)) throw new AppError('invalid_date', `"${input.renewalDate}" is not a date (YYYY-MM-DD).`);
  insertRenewal(ctx, input);
  refreshHealthSnapshots(ctx, { accountIds: [input.accountId] });
}

export function renewalHandlers(ctx: ServiceContext): HandlerGroup<'renewal.likelihood'> {
  return { 'renewal.likelihood': (input) => renewalLikelihood(ctx, input) };
}
