// The one API contract: every method the renderer, the CLI and tools may call, with zod schemas for its input
// and output, and the events main pushes. The IPC, HTTP and CLI transports are all derived from this object.
import { z } from 'zod';
import { accountMethods } from './accounts';
import { backupMethods } from './backup';
import { benchmarkMethods } from './benchmarks';
import { deckMethods } from './deck';
import { TABLES, type MethodSpec } from './define';
import { DemoProgress, demoMethods } from './demo';
import { featureMethods } from './features';
import { HealthProgress, healthMethods } from './health';
import { ImportProgress, importMethods } from './imports';
import { metricsMethods } from './metrics';
import { milestoneMethods } from './milestones';
import { outreachMethods } from './outreach';
import { portfolioMethods } from './portfolio';
import { qbrMethods } from './qbrs';
import { renewalMethods } from './renewal';
import { searchMethods } from './search';
import { settingsMethods } from './settings';
import { stakeholderMethods } from './stakeholders';
import { storyMethods } from './story';
import { successPlanMethods } from './success-plan';
import { surveyMethods } from './surveys';
import { taskMethods } from './tasks';
import { reminderMethods } from './reminders';
import { systemMethods } from './system';
import { touchpointMethods } from './touchpoints';
import { undoMethods } from './undo';
import { usageMethods } from './usage';
import { viewMethods } from './views';
import { watchMethods } from './watch';

// One file per feature, named as its methods are (health.* in health.ts, views.* in views.ts), and one service
// module of the same name in src/main/services implements it.
export const contract = {
  ...systemMethods,
  ...demoMethods,
  ...accountMethods,
  ...healthMethods,
  ...metricsMethods,
  ...benchmarkMethods,
  ...renewalMethods,
  ...importMethods,
  ...watchMethods,
  ...portfolioMethods,
  ...viewMethods,
  ...milestoneMethods,
  ...qbrMethods,
  ...touchpointMethods,
  ...surveyMethods,
  ...settingsMethods,
  ...featureMethods,
  ...backupMethods,
  ...undoMethods,
  ...usageMethods,
  ...deckMethods,
  ...searchMethods,
  ...storyMethods,
  ...stakeholderMethods,
  ...taskMethods,
  ...reminderMethods,
  ...outreachMethods,
  ...successPlanMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Contract[K]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** Events main pushes to every client. */
export const events = {
  /** Tables written by a method or a background job: hooks reading them refetch. */
  changed: z.object({ tables: z.array(z.enum(TABLES)) }),
  /** A running import's progress, and its summary when it ends. */
  'import.progress': ImportProgress,
  /** The demo book loading (demo.load, or the first start). */
  'demo.progress': DemoProgress,
  /** The health history being recomputed in the background. */
  'health.progress': HealthProgress,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

/** The result envelope every transport carries. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; line?: number | null } };

export * from './accounts';
export * from './backup';
export * from './reminders';
export * from './benchmarks';
export * from './deck';
export * from './define';
export * from './demo';
export * from './features';
export * from './files';
export * from './health';
export * from './imports';
export * from './metrics';
export * from './milestones';
export * from './outreach';
export * from './portfolio';
export * from './qbrs';
export * from './renewal';
export * from './search';
export * from './settings';
export * from './stakeholders';
export * from './story';
export * from './success-plan';
export * from './surveys';
export * from './system';
export * from './tasks';
export * from './touchpoints';
export * from './undo';
export * from './usage';
export * from './views';
export * from './watch';
