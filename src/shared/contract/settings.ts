// The Settings screen's own settings: time zone, QBR cadence, stage lengths, and what it shows of the features and
// the backups (features.*, backup.*). Health weights, thresholds, rules and the adoption definitions are the metrics settings, read
// and written through health.settings.* (one store for every knob of the model, not two).
import { z } from 'zod';
import { Backup } from './backup';
import { empty, method } from './define';
import { Feature } from './features';
import { OnboardingTemplate } from '../metrics/onboarding';

export { OnboardingTemplate, TEMPLATE_KINDS, TEMPLATE_NAMES } from '../metrics/onboarding';

export const AppSettings = z.object({
  /** The configured IANA time zone; null = follow the machine's. */
  timeZone: z.string().nullable(),
  machineTimeZone: z.string(),
  /** The one in force: what "today" and every day boundary use. */
  effectiveTimeZone: z.string(),
  /** Days between QBRs: the next one is suggested this long after the last, and is overdue after it. */
  qbrCadenceDays: z.number().int(),
  /**
   * Journey stage lengths. onboardingDays and renewalDays are settings; adoptionDays is what remains of a
   * contractDays-long contract (365 − 30 − 90 = 245 with the defaults: the renewal stage takes precedence).
   */
  stageLengths: z.object({
    onboardingDays: z.number().int(),
    adoptionDays: z.number().int(),
    renewalDays: z.number().int(),
    contractDays: z.number().int(),
  }),
  /**
   * Keep the book to my own accounts: an import skips rows naming an account that is not in the store
   * (account_not_in_book) rather than creating it. A company-wide usage export holds many accounts the CSM does not own.
   */
  onlyBookAccounts: z.boolean(),
  /**
   * Onboarding that starts itself (docs/METRICS.md "Onboarding template"): when enabled, an import adds the five
   * milestones (target = contract start + offset days) to each account it creates or first gives a contract start.
   */
  onboardingTemplate: OnboardingTemplate,
  /** Every known feature; isKey marks the key features breadth and adoption count. */
  features: z.array(Feature),
  dataDir: z.string(),
  databaseFile: z.string(),
  backupsDir: z.string(),
  /** Newest first. */
  backups: z.array(Backup),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const settingsMethods = {
  'settings.get': method({ input: empty, output: AppSettings }),
  'settings.update': method({
    input: z
      .object({
        /** An IANA name ("Europe/Berlin"); null returns to the machine's time zone. */
        timeZone: z.string().max(100).nullable().optional(),
        qbrCadenceDays: z.number().int().min(1).max(730).optional(),
        stageLengths: z
          .object({ onboardingDays: z.number().int().min(1).max(365).optional(), renewalDays: z.number().int().min(1).max(365).optional() })
          .strict()
          .optional(),
        onlyBookAccounts: z.boolean().optional(),
        onboardingTemplate: OnboardingTemplate.strict().optional(),
      })
      .strict(),
    output: AppSettings,
    writes: ['settings', 'health'],
  }),
};
