// The demo book's file format (resources/demo-book.json.gz, written by scripts/generate-demo.ts). Every date is
// an integer day OFFSET from the generation anchor rather than a calendar date, so the loader can place the book
// around whatever "today" is and it never looks stale. Offset 0 is a Monday in the generator's calendar: the
// loader maps offset o to (the most recent Monday on or before today) + o, which keeps weekends on weekends, and
// drops usage rows that would land after today (the generator writes usage up to offset +6 for that reason).
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

export const DEMO_BOOK_FORMAT = 'bearing-demo-book';
export const DEMO_BOOK_VERSION = 1;
export const DEMO_BOOK_FILE = path.join('resources', 'demo-book.json.gz');

/**
 * Usage is a flat integer array per account, USAGE_STRIDE numbers per daily rollup row:
 *   [dayDelta, userIndex, featureNumber, events, minutes]
 * dayDelta is the row's day offset minus the previous row's (the first row's is relative to 0), so rows are in
 * day order and mostly carry a 0 there, which gzip squeezes well. userIndex indexes the account's users;
 * featureNumber is 0 for events on no particular feature, else 1 + an index into the book's features.
 */
export const USAGE_STRIDE = 5;

const offset = z.number().int();
const index = z.number().int().nonnegative();
const text = z.string().min(1);

export const DemoFeature = z.object({ key: text, name: text, isKey: z.boolean(), isPaid: z.boolean() });

export const DemoUser = z.object({
  name: text,
  /** Also the user's analytics id: demo emails are on `.example` domains, so they never collide with real ones. */
  email: text,
  role: z.enum(['end_user', 'manager', 'executive', 'admin']),
  department: text,
});

export const DemoMilestone = z.object({
  kind: z.enum(['kickoff', 'onboarding_complete', 'first_key_action', 'basic_value', 'exceeded_value', 'custom']),
  name: text,
  target: offset.nullable(),
  achieved: offset.nullable(),
  notes: z.string().nullable(),
});

export const DemoActionItem = z.object({
  text,
  owner: z.string().nullable(),
  due: offset.nullable(),
  status: z.enum(['open', 'done', 'dropped']),
  /** Index of the item it carries over, counting the account's action items across its QBRs in file order. */
  carriedFrom: index.nullable(),
});

export const DemoQbr = z.object({
  date: offset,
  attendees: z.array(text),
  goals: z.string(),
  outcomes: z.string(),
  response: z.enum(['positive', 'neutral', 'negative', 'none']),
  actions: z.array(DemoActionItem),
});

export const DemoTouchpoint = z.object({
  kind: z.enum(['call', 'email', 'meeting', 'support_case', 'campaign']),
  date: offset,
  title: text,
  notes: z.string().nullable(),
  supportCase: z
    .object({
      status: z.enum(['open', 'closed']),
      closed: offset.nullable(),
      resolved: z.boolean().nullable(),
      withinSla: z.boolean().nullable(),
    })
    .optional(),
  /** feature indexes the book's features. */
  campaign: z.object({ feature: index, responded: z.boolean() }).optional(),
});

export const DemoSurvey = z.object({
  /** Index into the account's users; null for an account-level answer. */
  user: index.nullable(),
  date: offset,
  kind: z.enum(['nps', 'csat', 'proficiency']),
  score: z.number(),
});

export const DemoRenewal = z.object({
  date: offset,
  outcome: z.enum(['renewed', 'churned', 'pending']),
  arrMinor: z.number().int().nullable(),
});

export const DemoAccount = z.object({
  externalId: text,
  name: text,
  owner: text,
  industry: text,
  arrMinor: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  licenses: z.number().int().positive(),
  contractStart: offset,
  renewalDate: offset,
  crmStage: text,
  /** feature indexes the book's features; paid = bought as an add-on. */
  entitlements: z.array(z.object({ feature: index, paid: z.boolean() })),
  users: z.array(DemoUser),
  usage: z.array(z.number().int()).refine((a) => a.length % USAGE_STRIDE === 0, 'usage length is not a multiple of 5'),
  milestones: z.array(DemoMilestone),
  qbrs: z.array(DemoQbr),
  touchpoints: z.array(DemoTouchpoint),
  surveys: z.array(DemoSurvey),
  renewals: z.array(DemoRenewal),
});

export const DemoBook = z
  .object({
    format: z.literal(DEMO_BOOK_FORMAT),
    version: z.literal(DEMO_BOOK_VERSION),
    seed: z.number().int(),
    features: z.array(DemoFeature).min(1),
    accounts: z.array(DemoAccount).min(1),
  })
  .superRefine((book, issue) => {
    // Cross-references are checked here once, so the loader can index without guarding every row.
    const features = book.features.length;
    book.accounts.forEach((a, i) => {
      const bad = (message: string) => issue.addIssue({ code: 'custom', message, path: ['accounts', i] });
      if (a.entitlements.some((e) => e.feature >= features)) bad('an entitlement names an unknown feature');
      if (a.touchpoints.some((t) => t.campaign && t.campaign.feature >= features)) bad('a campaign names an unknown feature');
      if (a.surveys.some((s) => s.user !== null && s.user >= a.users.length)) bad('a survey names an unknown user');
      const items = a.qbrs.reduce((n, q) => n + q.actions.length, 0);
      if (a.qbrs.some((q) => q.actions.some((x) => x.carriedFrom !== null && x.carriedFrom >= items))) {
        bad('an action item carries over an unknown item');
      }
      for (let r = 0; r < a.usage.length; r += USAGE_STRIDE) {
        const user = a.usage[r + 1];
        const feature = a.usage[r + 2];
        if (user < 0 || user >= a.users.length || feature < 0 || feature > features || a.usage[r + 3] < 1) {
          bad(`usage row ${r / USAGE_STRIDE} is out of range`);
          break;
        }
      }
    });
  });
export type DemoBook = z.infer<typeof DemoBook>;
export type DemoAccount = z.infer<typeof DemoAccount>;
export type DemoUser = z.infer<typeof DemoUser>;
export type DemoFeature = z.infer<typeof DemoFeature>;
export type DemoMilestone = z.infer<typeof DemoMilestone>;
export type DemoQbr = z.infer<typeof DemoQbr>;
export type DemoActionItem = z.infer<typeof DemoActionItem>;
export type DemoTouchpoint = z.infer<typeof DemoTouchpoint>;
export type DemoSurvey = z.infer<typeof DemoSurvey>;
export type DemoRenewal = z.infer<typeof DemoRenewal>;

/** The demo book beside the app: walks up from this module, because it runs both from src/ (tsx, tests) and
 * bundled from out/main/. */
export function findDemoBook(start = import.meta.dirname): string | null {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, DEMO_BOOK_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function parseDemoBook(gzipped: Buffer): DemoBook {
  return DemoBook.parse(JSON.parse(gunzipSync(gzipped).toString('utf8')));
}
