// The Settings screen: time zone, QBR cadence, stage lengths, and what it shows of the features, the data folder
// and the backups. The QBR cadence
// and the stage lengths are fields of the metrics settings (qbrOverdueDays, stageLengths) — the same values the
// health rules, the journey stage and metrics.account read — so this file edits them there, never a copy.
import { dayNumber, isValidTimeZone } from '../../shared/dates';
import type { AppSettings, MethodInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { backupsDir } from '../db/open';
import { ONBOARDING_TEMPLATE_KEY, readOnboardingTemplate } from '../db/onboarding';
import { deleteSetting, readSetting, writeSetting } from '../db/settings';
import { listBackups } from './backup';
import { timeZoneOf, todayOf } from './clock';
import { listFeatures } from './features';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { mergeMetricsSettings, readMetricsSettings, writeMetricsSettings } from './metrics-settings';

/** The contract length adoptionDays is worked out for: the usual one-year term. */
export const CONTRACT_DAYS = 365;
const TIME_ZONE_KEY = 'timeZone';
const ONLY_BOOK_ACCOUNTS_KEY = 'import.onlyBookAccounts';

/** The "keep the book to my own accounts" setting (off unless the CSM turned it on). */
export function onlyBookAccountsSetting(ctx: ServiceContext): boolean {
  return readSetting(ctx, ONLY_BOOK_ACCOUNTS_KEY) === true;
}

const machineTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function readAppSettings(ctx: ServiceContext): AppSettings {
  const configured = readSetting(ctx, TIME_ZONE_KEY);
  const metrics = readMetricsSettings(ctx);
  const { onboardingDays, renewalDays } = metrics.stageLengths;
  return {
    timeZone: typeof configured === 'string' && isValidTimeZone(configured) ? configured : null,
    machineTimeZone: machineTimeZone(),
    effectiveTimeZone: timeZoneOf(ctx),
    qbrCadenceDays: metrics.qbrOverdueDays,
    onlyBookAccounts: onlyBookAccountsSetting(ctx),
    onboardingTemplate: readOnboardingTemplate(ctx.sqlite),
    stageLengths: {
      onboardingDays,
      // journeyStage gives the renewal stage precedence, so adoption is what the other two leave of the term.
      adoptionDays: Math.max(0, CONTRACT_DAYS - onboardingDays - renewalDays),
      renewalDays,
      contractDays: CONTRACT_DAYS,
    },
    features: listFeatures(ctx),
    dataDir: ctx.dataDir,
    databaseFile: ctx.databaseFile,
    backupsDir: backupsDir(ctx.dataDir),
    backups: listBackups(ctx),
  };
}

/** The IANA name as Intl spells it ("utc" → "UTC"), or the invalid_time_zone error. */
function canonicalTimeZone(name: string): string {
  if (!name.trim() || !isValidTimeZone(name)) {
    throw new AppError('invalid_time_zone', `“${name}” is not a time zone Bearing knows: use a name such as Europe/Berlin or America/New_York.`);
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

export function updateAppSettings(ctx: ServiceContext, input: MethodInput<'settings.update'>): AppSettings {
  const before = readMetricsSettings(ctx);
  const zoneBefore = timeZoneOf(ctx);
  // Validate everything before writing anything: a refused field leaves every setting as it was.
  const zone = input.timeZone === undefined || input.timeZone === null ? input.timeZone : canonicalTimeZone(input.timeZone);
  const change: Record<string, unknown> = {};
  if (input.qbrCadenceDays !== undefined) change.qbrOverdueDays = input.qbrCadenceDays;
  if (input.stageLengths !== undefined) change.stageLengths = input.stageLengths;
  const next = mergeMetricsSettings(before, change);
  ctx.sqlite.transaction(() => {
    if (zone === null) deleteSetting(ctx, TIME_ZONE_KEY);
    else if (zone !== undefined) writeSetting(ctx, TIME_ZONE_KEY, zone);
    if (input.onlyBookAccounts !== undefined) writeSetting(ctx, ONLY_BOOK_ACCOUNTS_KEY, input.onlyBookAccounts);
    // Not retroactive: switching the template on adds nothing to the accounts already in the book (see METRICS.md).
    if (input.onboardingTemplate !== undefined) writeSetting(ctx, ONBOARDING_TEMPLATE_KEY, input.onboardingTemplate);
    writeMetricsSettings(ctx, next);
  })();
  if (next.qbrOverdueDays !== before.qbrOverdueDays) {
    // The QBR-overdue rule reads the cadence on every past day too: the whole history is recomputed.
    refreshHealthSnapshots(ctx);
  } else if (timeZoneOf(ctx) !== zoneBefore) {
    // Another zone can make it another day: take today's snapshots in it.
    refreshHealthSnapshots(ctx, { fromDay: dayNumber(todayOf(ctx)) });
  }
  return readAppSettings(ctx);
}

export function settingsHandlers(ctx: ServiceContext): HandlerGroup<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => readAppSettings(ctx),
    'settings.update': (input) => updateAppSettings(ctx, input),
  };
}
