// The appendix: what each number in the deck means, from docs/METRICS.md, rewritten for the customer's executive (no
// table names, no jargon) and quoting the settings in force, so the definition always matches the computation.
import type { MetricsSettings } from '../../shared/metrics/settings';

export const METRIC_IDS = [
  'healthScore',
  'healthTrend',
  'activeUsers',
  'licenseUtilization',
  'stickiness',
  'adoptionRateActive',
  'adoptionRateAdopted',
  'breadth',
  'featureAdoption',
  'journeyStage',
  'ttvMilestones',
  'timeToValue',
  'supportSuccess',
  'touchpoints',
  'satisfaction',
  'qbrCadence',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface Definition {
  term: string;
  text: string;
}

export function definitions(s: MetricsSettings): Record<MetricId, Definition> {
  const w = s.weights;
  const eligible = s.eligibleUsers === 'licenses' ? 'the licenses purchased' : 'the users on record for your account';
  const keyFeature = s.adoptedUser.requireKeyFeature ? ' and used at least one key feature' : '';
  return {
    healthScore: {
      term: 'Health score (0–100)',
      text:
        `A weighted summary of six areas: usage ${w.usage}, breadth ${w.breadth}, frequency ${w.frequency}, exposure ${w.exposure}, ` +
        `relationship ${w.relationship}, satisfaction ${w.satisfaction}. An area without data is left out and the others count more.`,
    },
    healthTrend: {
      term: 'Health trend',
      text: 'The change in the health score between the end of last quarter and the end of this one, and over the last 30 days.',
    },
    activeUsers: {
      term: 'Active users (DAU / WAU / MAU)',
      text:
        'People on your account who used the product: on the day (DAU), in the last 7 days (WAU), in the last 30 days (MAU). ' +
        'The trend shows, at each month end, the monthly and weekly actives and the average daily actives over the past 30 days.',
    },
    licenseUtilization: {
      term: 'License utilization',
      text: 'Monthly active users ÷ licenses purchased, at the end of the quarter. Unused licenses = licenses − monthly active users.',
    },
    stickiness: {
      term: 'Stickiness (DAU/MAU)',
      text: 'Average daily active users over the last 30 days ÷ monthly active users: how much of the monthly audience uses the product on a typical day.',
    },
    adoptionRateActive: {
      term: 'Adoption rate (active)',
      text: `Users active in the last 30 days ÷ eligible users, here ${eligible}.`,
    },
    adoptionRateAdopted: {
      term: 'Adoption rate (adopted)',
      text:
        `Adopted users ÷ all users on record. An adopted user was active on at least ${s.adoptedUser.minActiveDays} different days ` +
        `of the last ${s.adoptedUser.windowDays}${keyFeature}.`,
    },
    breadth: {
      term: 'Breadth',
      text: 'Key features used in the last 30 days ÷ key features included in your subscription ("3 of 4 key features").',
    },
    featureAdoption: {
      term: 'Feature adoption',
      text: 'For each feature: the people who used it in the last 30 days ÷ all active users in those 30 days.',
    },
    journeyStage: {
      term: 'Journey stage',
      text:
        `Onboarding until onboarding is complete (or the first ${s.stageLengths.onboardingDays} days of the contract); renewal in the last ` +
        `${s.stageLengths.renewalDays} days before the renewal date; adoption in between.`,
    },
    ttvMilestones: {
      term: 'Time-to-value milestones',
      text: 'Agreed steps (kickoff, onboarding complete, first key action, basic and exceeded value), each with a target date and the date achieved. Late = past its target and not yet achieved.',
    },
    timeToValue: {
      term: 'Time to value',
      text: 'Days from the contract start to the date the basic (or exceeded) value milestone was achieved.',
    },
    supportSuccess: {
      term: 'Support case success',
      text: 'Cases resolved (within the service-level agreement, where one is set) ÷ cases closed in the quarter.',
    },
    touchpoints: {
      term: 'Touchpoints',
      text: 'Calls, emails, meetings and campaigns logged with your team in the quarter, compared with the quarter before.',
    },
    satisfaction: {
      term: 'NPS, CSAT and proficiency',
      text:
        'The latest survey round of each kind: Net Promoter Score (−100 to 100: % promoters scoring 9–10 minus % detractors scoring 0–6), ' +
        'customer satisfaction (1–5) and self-rated proficiency (1–5).',
    },
    qbrCadence: {
      term: 'QBR cadence',
      text: `Days since the last business review; a review is due every ${s.qbrOverdueDays} days.`,
    },
  };
}
