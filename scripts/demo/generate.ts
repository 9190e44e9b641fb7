// generateDemoBook(seed): the whole demo book in memory, a pure function of the seed (no clock, no
// Math.random), so the file in resources/ can be regenerated and checked byte for byte.
import { DEMO_BOOK_FORMAT, DEMO_BOOK_VERSION, type DemoAccount, type DemoBook } from '../../src/main/services/demo-book';
import { FEATURES } from './catalog';
import { planAccounts, type Stage } from './plan';
import { Rng } from './prng';
import { generateMilestones, generateQbrs, generateRenewals, generateSurveys, generateTouchpoints } from './relationship';
import { generateUsage } from './usage';

export const DEFAULT_SEED = 20261124;

/** How the CRM export would label the account: informative only, the app computes its own stage. */
const CRM_STAGE: Record<Stage, string> = {
  onboarding: 'Onboarding',
  adoption: 'Active',
  renewal: 'Renewal',
  churned: 'Churned',
};

export function generateDemoBook(seed: number = DEFAULT_SEED): DemoBook {
  const root = new Rng(seed);
  const accounts = planAccounts(root).map((plan): DemoAccount => {
    const { usage, firstKeyDay } = generateUsage(plan, plan.rng.fork('usage'));
    const touchpoints = generateTouchpoints(plan, plan.rng.fork('touchpoints'));
    return {
      externalId: plan.externalId,
      name: plan.name,
      owner: plan.owner,
      industry: plan.industry,
      arrMinor: plan.arrMinor,
      currency: plan.currency,
      licenses: plan.licenses,
      contractStart: plan.start,
      renewalDate: plan.renewal,
      crmStage: CRM_STAGE[plan.stage],
      entitlements: plan.entitlements,
      users: plan.users.map(({ name, email, role, department }) => ({ name, email, role, department })),
      usage,
      milestones: generateMilestones(plan, plan.rng.fork('milestones'), firstKeyDay),
      qbrs: generateQbrs(plan, plan.rng.fork('qbrs')),
      touchpoints,
      surveys: generateSurveys(plan, plan.rng.fork('surveys'), touchpoints),
      renewals: generateRenewals(plan),
    };
  });
  return {
    format: DEMO_BOOK_FORMAT,
    version: DEMO_BOOK_VERSION,
    seed,
    features: FEATURES.map((f) => ({ ...f })),
    accounts,
  };
}
