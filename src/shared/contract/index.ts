// The one API contract: every method the renderer, the CLI and tools may call, with zod schemas for its input
// and output, and the events main pushes. The IPC, HTTP and CLI transports are all derived from this object.
import { z } from 'zod';
import { accountMethods } from './accounts';
import { TABLES, type MethodSpec } from './define';
import { systemMethods } from './system';
import { metricsMethods } from './metrics';
import { ImportProgress, importMethods, watchMethods } from './imports';
import { portfolioMethods } from './portfolio';
import { milestoneMethods } from './milestones';
import { qbrMethods } from './qbrs';
import { touchpointMethods } from './touchpoints';
import { settingsMethods } from './settings';
import { undoMethods } from './undo';
import { usageMethods } from './usage';
import { deckMethods } from './deck';

export const contract = {
  ...systemMethods,
  ...accountMethods,
  ...metricsMethods,
  ...importMethods,
  ...watchMethods,
  ...portfolioMethods,
  ...milestoneMethods,
  ...qbrMethods,
  ...touchpointMethods,
  ...settingsMethods,
  ...undoMethods,
  ...usageMethods,
  ...deckMethods,
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
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

/** The result envelope every transport carries. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; line?: number | null } };

export * from './define';
export * from './accounts';
export * from './system';
export * from './metrics';
export * from './imports';
export * from './portfolio';
export * from './milestones';
export * from './qbrs';
export * from './touchpoints';
export * from './settings';
export * from './undo';
export * from './usage';
export * from './deck';
