// The demo book in memory (what demo-generate.ts makes from a seed): ~60 fictional accounts with a year of usage,
// users, milestones, QBRs, touchpoints, surveys and renewal history. Every date is an integer day OFFSET from the day the book is placed at: demo-files.ts writes the vendor-shaped
// export files around today (offset 0 is the most recent Monday, so weekends stay weekends) and demo.ts imports
// them. The generator writes usage up to offset +6; rows after today are never written.

export type Role = 'end_user' | 'manager' | 'executive' | 'admin';

export interface DemoFeature {
  key: string;
  name: string;
  isKey: boolean;
  isPaid: boolean;
  /** The product's event names that count as this feature (the first is the most common). */
  events: readonly string[];
}

export interface DemoUser {
  name: string;
  /** Also the user's id in the analytics tools: demo emails are on `.example` domains. */
  email: string;
  role: Role;
  /** The job title the contacts file carries; the importer reads the role from it. */
  title: string;
  department: string;
}

export interface DemoMilestone {
  kind: 'kickoff' | 'onboarding_complete' | 'first_key_action' | 'basic_value' | 'exceeded_value' | 'custom';
  name: string;
  target: number | null;
  achieved: number | null;
  notes: string | null;
}

export interface DemoActionItem {
  text: string;
  owner: string | null;
  due: number | null;
  status: 'open' | 'done' | 'dropped';
  /** Index of the item it carries over, counting the account's action items across its QBRs in order. */
  carriedFrom: number | null;
}

export interface DemoQbr {
  date: number;
  attendees: string[];
  goals: string;
  outcomes: string;
  response: 'positive' | 'neutral' | 'negative' | 'none';
  actions: DemoActionItem[];
}

export interface DemoTouchpoint {
  kind: 'call' | 'email' | 'meeting' | 'support_case' | 'campaign';
  date: number;
  title: string;
  notes: string | null;
  supportCase?: { status: 'open' | 'closed'; closed: number | null; resolved: boolean | null; withinSla: boolean | null };
  /** feature indexes FEATURES. */
  campaign?: { feature: number; responded: boolean };
}

export interface DemoSurvey {
  /** Index into the account's users; null for an account-level answer. */
  user: number | null;
  date: number;
  kind: 'nps' | 'csat' | 'proficiency';
  score: number;
}

export interface DemoRenewal {
  date: number;
  outcome: 'renewed' | 'churned' | 'pending';
  arrMinor: number | null;
}

export interface DemoAccount {
  /** The CRM's record id (an 18-character Salesforce account id), also the analytics tools' account id. */
  externalId: string;
  name: string;
  owner: string;
  industry: string;
  arrMinor: number;
  currency: string;
  licenses: number;
  contractStart: number;
  renewalDate: number;
  crmStage: string;
  /** feature indexes FEATURES; paid = bought as an add-on. */
  entitlements: { feature: number; paid: boolean }[];
  users: DemoUser[];
  /** Daily usage, USAGE_STRIDE numbers a row (see demo-usage.ts). */
  usage: number[];
  milestones: DemoMilestone[];
  qbrs: DemoQbr[];
  touchpoints: DemoTouchpoint[];
  surveys: DemoSurvey[];
  renewals: DemoRenewal[];
}

export interface DemoBook {
  seed: number;
  features: readonly DemoFeature[];
  accounts: DemoAccount[];
}
