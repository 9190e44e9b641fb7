// The relationship side of each demo account: time-to-value milestones, QBRs with action items, touchpoints,
// surveys and the renewal history. Tone follows the account's usage pattern, so a declining account also has
// sour QBRs, slipping milestones and low NPS, the way a real book hangs together.
import type {
  DemoActionItem,
  DemoMilestone,
  DemoQbr,
  DemoRenewal,
  DemoSurvey,
  DemoTouchpoint,
} from './demo-book';
import {
  ACTION_ITEMS,
  CUSTOM_MILESTONES,
  FEATURES,
  QBR_GOALS,
  QBR_OUTCOMES,
  TOUCHPOINT_NOTES,
  TOUCHPOINT_TITLES,
} from './demo-catalog';
import type { AccountPlan, Pattern } from './demo-plan';
import type { Rng } from '../../shared/prng';

type Response = DemoQbr['response'];

const OVERDUE_QBR_CHANCE: Partial<Record<Pattern, number>> = { dead: 0.7, underused: 0.4, declining: 0.3, healthy: 0.05 };
/** Calls, emails and meetings the CSM logs per 30 days (onboarding accounts get 8). */
const CONTACTS_PER_30_DAYS: Partial<Record<Pattern, number>> = { healthy: 3, growing: 3.5, declining: 2.5, dead: 1.5 };

const SLIP_NOTES = [
  'Slipped while the champion was on leave.',
  "Delayed by the customer's IT review.",
  'Waited on data from the customer.',
];

const past = (d: number): number | null => (d <= 0 ? d : null);
const thriving = (p: Pattern) => p === 'healthy' || p === 'growing' || p === 'ramping';
/** Has the account's trouble started by this day? */
const troubled = (plan: AccountPlan, d: number) =>
  plan.pattern === 'underused' || plan.pattern === 'stalled' || (!thriving(plan.pattern) && d >= plan.turnAt);
/** The last day anything can be logged: today, or the churn date. */
const lastDay = (plan: AccountPlan) => Math.min(0, plan.usageTo);

export function generateMilestones(plan: AccountPlan, rng: Rng, firstKeyDay: number | null): DemoMilestone[] {
  const s = plan.start;
  const p = plan.pattern;
  const out: DemoMilestone[] = [];
  const add = (kind: DemoMilestone['kind'], name: string, target: number, achieved: number | null) => {
    const a = achieved === null ? null : past(achieved);
    const notes =
      a !== null && a > target + 7
        ? rng.pick(SLIP_NOTES)
        : a === null && target < 0
          ? 'Overdue: follow up with the sponsor.'
          : null;
    out.push({ kind, name, target, achieved: a, notes });
  };
  add('kickoff', 'Kickoff', s + 7, s + rng.int(2, 9));
  // Accounts past onboarding must have finished it (else they would still count as onboarding).
  const onboarded = plan.stage === 'onboarding' ? null : Math.min(s + (thriving(p) ? rng.int(18, 38) : rng.int(22, 55)), -4);
  add('onboarding_complete', 'Onboarding complete', s + 30, onboarded);
  const keyAction = plan.start >= plan.usageFrom ? firstKeyDay : s + rng.int(4, 20);
  add('first_key_action', 'First key action', s + 14, keyAction);
  const basic =
    p === 'healthy' || p === 'growing'
      ? s + rng.int(35, 75)
      : p === 'declining' || p === 'churning'
        ? s + rng.int(50, 110)
        : p === 'dead' && rng.chance(0.6)
          ? s + rng.int(70, 140)
          : p === 'underused' && rng.chance(0.4)
            ? s + rng.int(80, 150)
            : null;
  add('basic_value', 'Time to basic value', s + 60, basic);
  const exceededChance = p === 'healthy' ? 0.7 : p === 'growing' ? 0.6 : p === 'declining' || p === 'churning' ? 0.25 : 0;
  add('exceeded_value', 'Time to exceeded value', s + 180, rng.chance(exceededChance) ? s + rng.int(120, 260) : null);
  if (rng.chance(0.55)) {
    const [name, days] = rng.pick(CUSTOM_MILESTONES);
    add('custom', name, s + days, rng.chance(thriving(p) ? 0.8 : 0.4) ? s + days + rng.int(-10, 40) : null);
  }
  return out;
}

function qbrResponse(plan: AccountPlan, rng: Rng, d: number): Response {
  if (!troubled(plan, d)) return rng.weighted<Response>([['positive', 70], ['neutral', 25], ['none', 5]]);
  if (plan.pattern === 'underused') return rng.weighted<Response>([['positive', 20], ['neutral', 50], ['none', 30]]);
  if (plan.pattern === 'dead') return rng.weighted<Response>([['negative', 40], ['none', 50], ['neutral', 10]]);
  return rng.weighted<Response>([['neutral', 40], ['negative', 40], ['none', 20]]);
}

export function generateQbrs(plan: AccountPlan, rng: Rng): DemoQbr[] {
  if (plan.start > -80) return [];
  // Some accounts have slipped off the QBR cadence: nothing in the last 95+ days.
  const overdueChance = OVERDUE_QBR_CHANCE[plan.pattern] ?? 0;
  const cutoff = rng.chance(overdueChance) ? -rng.int(95, 160) : lastDay(plan) - 3;
  const dates: number[] = [];
  // Every 68-80 days, so an account on cadence is never 90 days out even after the loader's weekday shift.
  for (let d = plan.start + rng.int(68, 80); d <= cutoff; d += rng.int(68, 80)) if (d >= -450) dates.push(d);
  const leaders = plan.users.filter((u) => u.role !== 'end_user');
  const qbrs: DemoQbr[] = [];
  const items: DemoActionItem[] = [];
  dates.forEach((date, i) => {
    const latest = i === dates.length - 1;
    const execs = leaders.filter((u) => u.role === 'executive');
    const attendees = [plan.owner, ...(execs.length && rng.chance(0.7) ? [rng.pick(execs).name] : [])];
    for (const u of rng.sample(leaders.filter((l) => l.role !== 'executive'), rng.int(1, 2))) attendees.push(u.name);
    const response = qbrResponse(plan, rng, date);
    const actions: DemoActionItem[] = rng.sample(ACTION_ITEMS, rng.int(1, 3)).map((text) => ({
      text,
      owner: rng.chance(0.6) ? plan.owner : rng.pick(attendees),
      due: date + rng.int(14, 45),
      status: latest
        ? rng.chance(0.2) ? 'done' : 'open'
        : rng.weighted<DemoActionItem['status']>([['done', 75], ['dropped', 10], ['open', 15]]),
      carriedFrom: null,
    }));
    // An item still open from the previous QBR is carried into this one; the old entry is closed as dropped
    // so it is not counted twice.
    const previous = qbrs.at(-1);
    const stale = previous?.actions.find((a) => a.status === 'open');
    if (latest && stale && rng.chance(0.6)) {
      stale.status = 'dropped';
      actions.push({ ...stale, status: 'open', due: date + rng.int(14, 30), carriedFrom: items.indexOf(stale) });
    }
    items.push(...actions);
    qbrs.push({
      date,
      attendees,
      goals: rng.sample(QBR_GOALS, 2).join('; '),
      outcomes: rng.pick(QBR_OUTCOMES[response]),
      response,
      actions,
    });
  });
  return qbrs;
}

export function generateTouchpoints(plan: AccountPlan, rng: Rng): DemoTouchpoint[] {
  const from = Math.max(plan.start, -365);
  const to = lastDay(plan);
  const out: DemoTouchpoint[] = [];
  const p = plan.pattern;
  const contactRate = plan.stage === 'onboarding' ? 8 : (CONTACTS_PER_30_DAYS[p] ?? 2);
  const caseRate = p === 'stalled' ? 4 : p === 'declining' || p === 'churning' ? 1.2 : 0.6;
  if (plan.start >= from) out.push({ kind: 'meeting', date: plan.start + rng.int(1, 3), title: 'Kickoff meeting', notes: null });
  const addCase = (date: number, forceOpen: boolean) => {
    const closed = date + rng.int(1, 20);
    const open = forceOpen || closed > to || (date > -25 && rng.chance(0.5));
    out.push({
      kind: 'support_case',
      date,
      title: rng.pick(TOUCHPOINT_TITLES.support_case),
      notes: null,
      supportCase: open
        ? { status: 'open', closed: null, resolved: null, withinSla: null }
        : {
            status: 'closed',
            closed,
            resolved: rng.chance(0.9),
            withinSla: rng.chance(0.2) ? null : rng.chance(troubled(plan, date) ? 0.6 : 0.85),
          },
    });
  };
  for (let d = from; d <= to; d++) {
    if (d > plan.start + 3 && rng.chance(contactRate / 30)) {
      const kind = rng.weighted<'email' | 'call' | 'meeting'>([['email', 45], ['call', 35], ['meeting', 20]]);
      out.push({ kind, date: d, title: rng.pick(TOUCHPOINT_TITLES[kind]), notes: rng.pick(TOUCHPOINT_NOTES) });
    }
    if (rng.chance(caseRate / 30)) addCase(d, false);
  }
  // A case left open for weeks, the kind of thing the health rules cap.
  if ((p === 'declining' || p === 'dead') && rng.chance(0.5)) addCase(-rng.int(16, 40), true);
  for (const c of plan.campaigns) {
    const feature = FEATURES[c.feature].name;
    out.push({
      kind: 'campaign',
      date: c.date,
      title: rng.pick([`Webinar invite: ${feature}`, `Feature spotlight: ${feature}`, `Email campaign: ${feature} tips`]),
      notes: null,
      campaign: { feature: c.feature, responded: c.responded },
    });
  }
  return out.sort((a, b) => a.date - b.date);
}

function npsScore(plan: AccountPlan, rng: Rng, d: number): number {
  if (plan.pattern === 'stalled') return rng.int(4, 7);
  if (!troubled(plan, d)) return rng.weighted<number>([[rng.int(9, 10), 55], [rng.int(7, 8), 35], [rng.int(3, 6), 10]]);
  if (plan.pattern === 'underused') return rng.int(5, 8);
  return plan.pattern === 'dead' ? rng.int(1, 6) : rng.int(3, 7);
}

export function generateSurveys(plan: AccountPlan, rng: Rng, touchpoints: DemoTouchpoint[]): DemoSurvey[] {
  const out: DemoSurvey[] = [];
  const to = lastDay(plan);
  const respondents = plan.users.map((u, i) => ({ u, i })).filter(({ u }) => u.engagement > 0.1);
  if (respondents.length === 0) return out;
  for (let d = Math.max(plan.start + 45, -365) + rng.int(0, 30); d <= to; d += 91 + rng.int(-10, 10)) {
    for (const { i } of rng.sample(respondents, rng.int(1, 4))) {
      out.push({ user: i, date: Math.min(to, d + rng.int(0, 6)), kind: 'nps', score: npsScore(plan, rng, d) });
    }
  }
  for (const t of touchpoints) {
    if (t.supportCase?.status !== 'closed' || t.supportCase.closed === null || !rng.chance(0.6)) continue;
    const date = t.supportCase.closed + 1;
    if (date > to) continue;
    const score = t.supportCase.withinSla === false ? rng.int(2, 4) : rng.int(3, 5);
    out.push({ user: rng.pick(respondents).i, date, kind: 'csat', score });
  }
  const low = plan.pattern === 'underused' || plan.pattern === 'stalled';
  const proficiency = () => (low ? rng.int(1, 3) : thriving(plan.pattern) ? rng.int(3, 5) : rng.int(2, 4));
  let d = to - rng.int(10, 150);
  for (let round = rng.int(1, 2); round > 0 && d >= plan.start + 14; round--, d -= rng.int(90, 150)) {
    for (const { i } of rng.sample(respondents, rng.int(3, 6))) {
      out.push({ user: i, date: d, kind: 'proficiency', score: proficiency() });
    }
  }
  return out.sort((a, b) => a.date - b.date);
}

/** One row per renewal date: past terms renewed (ARR grew a little each year), then churned or pending. */
export function generateRenewals(plan: AccountPlan): DemoRenewal[] {
  const out: DemoRenewal[] = [];
  for (let j = 1; j <= plan.tenure; j++) {
    const arrMinor = Math.round((plan.termArrMinor * 0.92 ** (plan.tenure - j)) / 100) * 100;
    out.push({ date: plan.start + 365 * j, outcome: 'renewed', arrMinor });
  }
  out.push({
    date: plan.renewal,
    outcome: plan.stage === 'churned' ? 'churned' : 'pending',
    arrMinor: plan.termArrMinor,
  });
  return out;
}
