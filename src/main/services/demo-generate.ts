// generateDemoBook(seed): the whole demo book in memory, a pure function of the seed (no clock, no Math.random;
// see src/shared/prng.ts), so the same seed always yields the same export files.
import { Rng } from '../../shared/prng';
import type { DemoAccount, DemoBook } from './demo-book';
import { FEATURES } from './demo-catalog';
import { planAccounts, type Stage } from './demo-plan';
import { generateMilestones, generateQbrs, generateRenewals, generateSurveys, generateTouchpoints } from './demo-relationship';
import { generateUsage } from './demo-usage';

export const DEFAULT_SEED = 20261124;

/** How the CRM labels the account (Salesforce's Type): informative only, the app computes its own stage. */
const CRM_STAGE: Record<Stage, string> = {
  onboarding: 'Customer - Onboarding',
  adoption: 'Customer - Active',
  renewal: 'Customer - Renewal',
  churned: 'Former Customer',
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
      users: plan.users.map(({ name, email, role, title, department }) => ({ name, email, role, title, department })),
      usage,
      milestones: generateMilestones(plan, plan.rng.fork('milestones'), firstKeyDay),
      qbrs: generateQbrs(plan, plan.rng.fork('qbrs')),
      touchpoints,
      surveys: generateSurveys(plan, plan.rng.fork('surveys'), touchpoints),
      renewals: generateRenewals(plan),
    };
  });
  return { seed, features: FEATURES, accounts };
}
