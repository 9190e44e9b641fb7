// Who is in the demo book: each account's stage, usage pattern, contract dates, seats, users and entitlements.
// The stage mix is fixed (then shuffled) so the portfolio always shows every lane and every kind of trouble.
import type { Rng } from '../../shared/prng';
import type { DemoUser } from './demo-book';
import {
  DEPARTMENTS,
  FEATURES,
  FIRST_NAMES,
  LAST_NAMES,
  NAME_STEMS,
  NAME_SUFFIXES,
  OWNERS,
  ROLE_FEATURES,
  TITLES,
  featureIndex,
  type Role,
} from './demo-catalog';

export type Stage = 'onboarding' | 'adoption' | 'renewal' | 'churned';
export type Pattern = 'ramping' | 'stalled' | 'healthy' | 'growing' | 'declining' | 'dead' | 'underused' | 'churning';

export interface PlannedUser extends DemoUser {
  /** Scales the role's daily chance of being active; dormant users sit near 0. */
  engagement: number;
  /** First and last day offset (included) the user can be active. */
  from: number;
  until: number;
  /** Executives look in on one weekday (0 = Monday). */
  preferredDay: number;
  /** Feature index -> the day offset the user starts using it. */
  adoptAt: Map<number, number>;
}

export interface Campaign {
  date: number;
  feature: number;
  responded: boolean;
}

export interface AccountPlan {
  no: number;
  externalId: string;
  name: string;
  domain: string;
  industry: string;
  owner: string;
  currency: string;
  licenses: number;
  /** Current ARR; 0 once churned. */
  arrMinor: number;
  /** ARR of the last term: what a churned account took with it. */
  termArrMinor: number;
  stage: Stage;
  pattern: Pattern;
  /** Onboarding that should have finished already (the milestone is overdue). */
  lateOnboarding: boolean;
  /** Original contract start (customer since) and the next renewal, or the churn date. */
  start: number;
  renewal: number;
  /** Terms already renewed. */
  tenure: number;
  usageFrom: number;
  usageTo: number;
  /** Where the usage curve bends: decline starts, the fade-out begins, churn sets in. */
  turnAt: number;
  /** First day with no usage at all for accounts that went quiet. */
  deadFrom: number;
  entitlements: { feature: number; paid: boolean }[];
  users: PlannedUser[];
  campaigns: Campaign[];
  rng: Rng;
}

const MIX: [Stage, Pattern, number, boolean?][] = [
  ['onboarding', 'ramping', 6],
  ['onboarding', 'stalled', 2],
  ['onboarding', 'stalled', 2, true],
  ['adoption', 'healthy', 16],
  ['adoption', 'growing', 5],
  ['adoption', 'declining', 6],
  ['adoption', 'dead', 2],
  ['adoption', 'underused', 4],
  ['renewal', 'healthy', 6],
  ['renewal', 'growing', 1],
  ['renewal', 'declining', 3],
  ['renewal', 'dead', 1],
  ['renewal', 'underused', 1],
  ['churned', 'churning', 5],
];

/** The latest usage offset the generator writes (see demo-book.ts: the files stop at today). */
export const USAGE_END = 6;
export const HISTORY_DAYS = 365;

const ADD_ONS: [number, number][] = [
  [featureIndex('workflow automation'), 0.75],
  [featureIndex('forecasting'), 0.45],
  [featureIndex('ai insights'), 0.35],
  [featureIndex('single sign-on'), 0.5],
];

/** An 18-character Salesforce account id (key prefix 001), the same for every seed: 001Dm00000Bear + 4 digits. */
function salesforceId(no: number): string {
  return `001Dm00000Bear${String(no).padStart(4, '0')}`;
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function contractDates(rng: Rng, stage: Stage, late: boolean): { start: number; renewal: number; tenure: number } {
  if (stage === 'onboarding') {
    const start = late ? -rng.int(38, 55) : -rng.int(3, 22);
    return { start, renewal: start + 365, tenure: 0 };
  }
  const tenure = rng.weighted<number>([[0, 3], [1, 3], [2, 2], [3, 1], [4, stage === 'churned' ? 0 : 1]]);
  // The loader may move dates up to 6 days earlier (weekday alignment): keep that margin off each lane's edge.
  const renewal =
    stage === 'renewal' ? rng.int(7, 89) : stage === 'churned' ? -rng.int(10, 75) : rng.int(96, tenure === 0 ? 320 : 360);
  return { start: renewal - 365 * (tenure + 1), renewal, tenure };
}

function planUsers(rng: Rng, plan: AccountPlan): PlannedUser[] {
  const ratio = plan.pattern === 'underused' ? rng.range(0.35, 0.6) : rng.range(0.4, 1.1);
  const n = Math.max(4, Math.min(60, Math.round(plan.licenses * ratio)));
  const depts = rng.sample(DEPARTMENTS, rng.int(2, 5));
  const roles: Role[] = [];
  for (let i = 0; i < Math.max(1, Math.round(n * 0.06)); i++) roles.push('executive');
  for (let i = 0; i < (n > 30 ? 2 : 1); i++) roles.push('admin');
  for (let i = 0; i < Math.max(1, Math.round(n * 0.16)); i++) roles.push('manager');
  while (roles.length < n) roles.push('end_user');
  const entitled = new Set(plan.entitlements.map((e) => e.feature));
  const names = new Set<string>();
  const dormantShare = plan.pattern === 'underused' ? 0.55 : plan.pattern === 'stalled' ? 0.35 : 0.1;
  return rng.shuffle(roles).map((role) => {
    let name: string;
    do name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    while (names.has(name));
    names.add(name);
    const department = role === 'admin' && rng.chance(0.7) ? 'IT' : rng.pick(depts);
    const early = plan.stage === 'onboarding' ? rng.int(0, 12) : rng.int(0, 10);
    const lag = rng.weighted<number>([[early, 65], [rng.int(10, 60), 25], [rng.int(60, 250), 10]]);
    const from = plan.usageFrom + lag;
    const adoptAt = new Map<number, number>();
    for (const key of ROLE_FEATURES[role]) {
      const f = featureIndex(key);
      if (!entitled.has(f) || !rng.chance(FEATURES[f].isKey ? 0.8 : 0.6)) continue;
      adoptAt.set(f, from + Math.round(rng.wait(FEATURES[f].isKey ? 12 : 35)));
    }
    return {
      name,
      email: `${slug(name).replace('-', '.')}@${plan.domain}`,
      role,
      title: rng.pick(TITLES[role](department)),
      department,
      engagement: rng.chance(dormantShare) ? 0.03 : rng.range(0.45, 1.15),
      from,
      until: rng.chance(0.06) ? from + rng.int(30, 300) : USAGE_END,
      preferredDay: rng.int(0, 4),
      adoptAt,
    };
  });
}

/** A campaign promoting an entitled feature; when the customer responds, some users pick the feature up. */
function planCampaigns(rng: Rng, plan: AccountPlan): Campaign[] {
  if (plan.usageFrom > -60) return [];
  const out: Campaign[] = [];
  for (let i = rng.int(1, 2); i > 0; i--) {
    const date = rng.int(Math.max(plan.usageFrom + 30, -300), Math.min(plan.usageTo, 0) - 10);
    const feature = rng.pick(plan.entitlements).feature;
    const responded = rng.chance(plan.pattern === 'healthy' || plan.pattern === 'growing' ? 0.65 : 0.3);
    out.push({ date, feature, responded });
    if (!responded) continue;
    for (const u of plan.users) {
      const current = u.adoptAt.get(feature);
      if ((current === undefined || current > date) && u.from < date && rng.chance(0.45)) {
        u.adoptAt.set(feature, date + rng.int(1, 14));
      }
    }
  }
  return out.sort((a, b) => a.date - b.date);
}

export function planAccounts(root: Rng): AccountPlan[] {
  const rng = root.fork('plan');
  const slots = rng.shuffle(
    MIX.flatMap(([stage, pattern, n, late]) => Array.from({ length: n }, () => ({ stage, pattern, late: late === true }))),
  );
  const names = new Set<string>();
  // Two EUR and two GBP accounts, spread through the book; the rest bill in USD.
  const currencies = new Map([
    [rng.int(0, 14), 'EUR'],
    [rng.int(15, 29), 'GBP'],
    [rng.int(30, 44), 'EUR'],
    [rng.int(45, slots.length - 1), 'GBP'],
  ]);
  return slots.map(({ stage, pattern, late }, i) => {
    const arng = root.fork(`account-${i}`);
    let stem: string;
    let suffix: (typeof NAME_SUFFIXES)[number];
    do {
      stem = rng.pick(NAME_STEMS);
      suffix = rng.pick(NAME_SUFFIXES);
    } while (names.has(stem));
    names.add(stem);
    const name = `${stem} ${suffix[0]}`;
    const { start, renewal, tenure } = contractDates(arng, stage, late);
    const licenses = Math.round(Math.exp(arng.range(Math.log(10), Math.log(400))));
    const termArrMinor = licenses * arng.int(20, 80) * 12 * 100;
    const entitlements = FEATURES.flatMap((f, feature) => (f.isPaid ? [] : [{ feature, paid: false }]));
    for (const [feature, p] of ADD_ONS) if (arng.chance(p)) entitlements.push({ feature, paid: true });
    // The CRM's Products column lists the add-ons bought: every account has at least one (an empty cell would
    // mean "no entitlements on record", and every feature available).
    if (!entitlements.some((e) => e.paid)) entitlements.push({ feature: ADD_ONS[3][0], paid: true });
    entitlements.sort((a, b) => a.feature - b.feature);
    const plan: AccountPlan = {
      no: i + 1,
      externalId: salesforceId(i + 1),
      name,
      domain: `${slug(name)}.example`,
      industry: suffix[1],
      owner: arng.weighted(OWNERS),
      currency: currencies.get(i) ?? 'USD',
      licenses,
      arrMinor: stage === 'churned' ? 0 : termArrMinor,
      termArrMinor,
      stage,
      pattern,
      lateOnboarding: late,
      start,
      renewal,
      tenure,
      usageFrom: Math.max(start, -HISTORY_DAYS),
      usageTo: stage === 'churned' ? renewal - 1 : USAGE_END,
      turnAt: 0,
      deadFrom: pattern === 'dead' ? -arng.int(32, 50) : USAGE_END,
      entitlements,
      users: [],
      campaigns: [],
      rng: arng,
    };
    plan.turnAt =
      pattern === 'declining'
        ? -arng.int(90, 200)
        : pattern === 'dead'
          ? plan.deadFrom - arng.int(60, 120)
          : pattern === 'churning'
            ? renewal - arng.int(120, 220)
            : 0;
    plan.users = planUsers(arng.fork('users'), plan);
    plan.campaigns = planCampaigns(arng.fork('campaigns'), plan);
    return plan;
  });
}
