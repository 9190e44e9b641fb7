// The account's story (issue #14, point 10): the facts the other services answer as of D (health now and a quarter
// ago with what moved it, weekly active users then and now, key features, late milestones, open cases, the last
// touchpoint and QBR, the renewal) handed to the pure sentence builder in src/shared/story.ts.
import { addDays, dayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordsAsOf } from '../../shared/metrics/as-of';
import { accountStory, storyText, type StoryFacts } from '../../shared/story';
import { loadBundles } from '../db/account-bundles';
import { getAccount } from './accounts';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { accountHealth } from './health';
import { accountMetrics } from './metrics';
import { listQbrs } from './qbrs';
import { listRenewals } from './renewal';
import { renewalLikelihood } from './renewal-likelihood';
import { listStakeholders } from './stakeholders';

/** "A quarter ago": the figures the story compares with are from this many days before D. */
export const QUARTER_DAYS = 90;

type Health = MethodOutput<'health.account'>;

const hasUsage = (h: Health) => h.components.some((c) => c.name === 'usage' && c.score !== null);

/** Each component's change in points of the score; a component without data adds nothing on its side. */
function drivers(now: Health, before: Health): StoryFacts['health']['drivers'] {
  const then = new Map(before.components.map((c) => [c.name, c.contribution ?? 0]));
  return now.components.map((c) => ({ label: c.label, change: (c.contribution ?? 0) - (then.get(c.name) ?? 0) }));
}

export interface StoryOptions {
  /**
   * For the customer's deck: without the CSM's own renewal estimate and QBR cadence (as the deck keeps status rules
   * and the cadence in its notes).
   */
  forCustomer?: boolean;
}

export function accountStoryOf(ctx: ServiceContext, input: Omit<MethodInput<'story.account'>, 'audience'>, options: StoryOptions = {}): MethodOutput<'story.account'> {
  const today = todayOf(ctx);
  const asOf = input.asOf ?? today;
  const quarterAgo = addDays(asOf, -QUARTER_DAYS);
  const account = getAccount(ctx, { id: input.id, asOf });
  const [bundle] = loadBundles(ctx, input.id, dayNumber(asOf));
  if (!bundle) throw new AppError('not_found', `There is no account with id ${input.id}.`);
  const records = recordsAsOf(bundle, dayNumber(asOf));
  const health = accountHealth(ctx, { id: input.id, asOf });
  const earlier = accountHealth(ctx, { id: input.id, asOf: quarterAgo });
  const metrics = accountMetrics(ctx, { id: input.id, asOf });
  const before = accountMetrics(ctx, { id: input.id, asOf: quarterAgo });
  // A score from before any usage rests on the relationship alone: against one with usage it is new data, not a change.
  const previousScore = hasUsage(earlier) || !hasUsage(health) ? earlier.score : null;
  const lastTouch = records.touchpoints.reduce<{ kind: string; date: string } | null>(
    (last, t) => (last === null || t.date >= last.date ? { kind: t.kind, date: t.date } : last),
    null,
  );
  const lastQbr = records.qbrs.reduce<string | null>((last, q) => (last === null || q.date > last ? q.date : last), null);
  // An action item's status carries no date: today's statuses are today's, and a past day's story leaves them out.
  const items = asOf >= today ? listQbrs(ctx, { accountId: input.id, asOf }).items.flatMap((q) => q.actionItems).filter((i) => i.status === 'open') : null;
  // A flag is today's judgement (no history): today's story names the flagged people, a past day's and the customer's do not.
  const flagged =
    asOf >= today && !options.forCustomer
      ? listStakeholders(ctx, { accountId: input.id, asOf })
          .items.flatMap((p) => (p.flag === null ? [] : [{ name: p.name, flag: p.flag, lastTouch: p.lastTouch?.date ?? null }]))
      : null;
  const churnedOn = account.churned
    ? (listRenewals(ctx, { id: input.id, asOf }).items.find((r) => r.outcome === 'churned')?.date ?? null)
    : null;
  const likelihood = options.forCustomer || account.churned || account.renewalDate === null ? null : renewalLikelihood(ctx, { id: input.id, asOf });
  const facts: StoryFacts = {
    asOf,
    quarterAgo,
    health: { score: health.score, previousScore, drivers: previousScore === null ? [] : drivers(health, earlier) },
    wau: { now: metrics.wau, before: before.wau },
    mau: metrics.mau,
    licenses: account.licenses,
    keyFeatures: metrics.breadth === null ? null : { used: metrics.breadthDetail.used.length, enabled: metrics.breadthDetail.enabled.length },
    lateMilestones: metrics.milestones.filter((m) => m.state === 'late').map((m) => ({ name: m.name, daysLate: m.daysLate ?? 0 })),
    openSupportCases: metrics.supportCases.open,
    lastTouchpoint: lastTouch,
    lastQbr: { date: lastQbr, overdue: options.forCustomer ? false : metrics.qbrOverdue },
    stakeholders: flagged,
    actionItems: items === null ? null : { open: items.length, overdue: items.filter((i) => i.overdue).length },
    renewal: {
      date: account.renewalDate,
      churnedOn,
      likelihood: likelihood?.status === 'ok' ? (likelihood.accounts.find((a) => a.id === input.id)?.probability ?? null) : null,
    },
  };
  const sentences = accountStory(facts);
  return { id: account.id, name: account.name, asOf, quarterAgo, sentences, text: storyText(sentences) };
}

export function storyHandlers(ctx: ServiceContext): HandlerGroup<'story.account'> {
  return { 'story.account': ({ audience, ...input }) => accountStoryOf(ctx, input, { forCustomer: audience === 'customer' }) };
}
