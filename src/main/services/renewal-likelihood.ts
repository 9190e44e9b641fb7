// Renewal likelihood (docs/METRICS.md, beyond the seeds): a monotone, regularized, class-weighted logistic
// regression on the six health components as they stood 30 days before each recorded outcome, judged by
// time-ordered cross-validation. Probabilities are shown only with enough outcomes of each kind and when the AUC's
// 90 % interval lies above 0.5; otherwise the answer says why, and shows none.
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput } from '../../shared/contract';
import { isRetained } from '../../shared/metrics/benchmarks';
import { evaluate, type DatedExample } from '../../shared/metrics/renewal-evaluation';
import { drivers, fitLogistic, predict } from '../../shared/metrics/renewal-model';
import { COMPONENT_NAMES } from '../../shared/metrics/settings';
import { loadBundles } from '../db/account-bundles';
import { snapshotComponentsOn } from '../db/health-snapshots';
import { churnedAccounts } from './accounts';
import { todayOf } from './clock';
import type { ServiceContext } from './context';
import { healthInputs, liveHealth } from './health-compute';
import { listHealth } from './health';
import type { SnapshotJson } from './health-snapshots';
import { readMetricsSettings } from './metrics-settings';

/** Features are taken this many days before the outcome: what a CSM could have seen while there was time to act. */
export const FEATURE_LEAD_DAYS = 30;
export const CV_FOLDS = 5;
/** Drivers listed per account (the largest pushes on the odds). */
const TOP_DRIVERS = 3;

type Likelihood = MethodOutput<'renewal.likelihood'>;

function trainingExamples(ctx: ServiceContext, asOf: string): DatedExample[] {
  const settings = readMetricsSettings(ctx);
  const inputs = healthInputs(ctx, settings);
  const examples: DatedExample[] = [];
  for (const bundle of loadBundles(ctx)) {
    for (const r of bundle.renewals) {
      // As of D, an outcome decided after D does not exist.
      if (r.outcome === 'pending' || r.renewalDate > asOf) continue;
      const day = dayNumber(r.renewalDate) - FEATURE_LEAD_DAYS;
      const snapshot = snapshotComponentsOn(ctx, bundle.account.id, isoFromDayNumber(day));
      const x = snapshot?.components
        ? COMPONENT_NAMES.map((n) => (JSON.parse(snapshot.components ?? '{}') as SnapshotJson)[n] ?? null)
        : liveHealth(ctx, bundle, day, inputs).components.map((c) => c.score);
      examples.push({ x, y: isRetained(r.outcome) ? 1 : 0, date: r.renewalDate });
    }
  }
  return examples;
}

function shortfall(renewed: number, churned: number, needed: number): string {
  const parts = [
    ...(churned < needed ? [`${churned} churned`] : []),
    ...(renewed < needed ? [`${renewed} renewed`] : []),
  ];
  return `Not enough outcomes yet (${parts.join(' and ')} of ${needed} needed${parts.length > 1 ? ' each' : ''}).`;
}

export function renewalLikelihood(ctx: ServiceContext, input: MethodInput<'renewal.likelihood'>): Likelihood {
  const asOf = input.asOf ?? todayOf(ctx);
  const needed = readMetricsSettings(ctx).renewalModelMinOutcomes;
  const examples = trainingExamples(ctx, asOf);
  const renewed = examples.filter((e) => e.y === 1).length;
  const churned = examples.length - renewed;
  const base = { renewed, churned, needed, folds: CV_FOLDS, accounts: [] };
  if (renewed < needed || churned < needed) {
    return { ...base, status: 'not_enough_history', message: shortfall(renewed, churned, needed), auc: null, aucInterval: null, brier: null, coefficients: [] };
  }

  const model = fitLogistic(examples);
  const fit = evaluate(examples, CV_FOLDS);
  const coefficients = COMPONENT_NAMES.map((component, j) => ({ component, weight: model.weights[j] }));
  const measured = { auc: fit.auc, aucInterval: fit.aucInterval, brier: fit.brier, coefficients };
  if (!fit.predictive) {
    const range = fit.aucInterval ? ` (AUC ${fit.auc?.toFixed(2)}, 90 % interval ${fit.aucInterval[0].toFixed(2)}–${fit.aucInterval[1].toFixed(2)} includes 0.5)` : '';
    return {
      ...base,
      ...measured,
      status: 'not_predictive',
      message: `The model cannot tell renewals from churns yet${range}: no probability is shown.`,
    };
  }
  // A former customer has no renewal ahead to predict.
  const gone = churnedAccounts(ctx, asOf);
  const current = listHealth(ctx, { asOf }).items.filter((i) => (input.id === undefined || i.id === input.id) && !gone.has(i.id));
  return {
    ...base,
    ...measured,
    status: 'ok',
    message: null,
    accounts: current.map((a) => {
      const x = COMPONENT_NAMES.map((n) => a.components.find((c) => c.name === n)?.score ?? null);
      const push = drivers(model, x);
      return {
        id: a.id,
        name: a.name,
        probability: predict(model, x),
        drivers: COMPONENT_NAMES.map((component, j) => ({ component, value: x[j], push: push[j] }))
          .filter((d) => d.value !== null && Math.abs(d.push) > 1e-9)
          .sort((p, q) => Math.abs(q.push) - Math.abs(p.push))
          .slice(0, TOP_DRIVERS)
          .map(({ component, value, push: p }) => ({ component, value, effect: p > 0 ? ('raises' as const) : ('lowers' as const) })),
      };
    }),
  };
}
