import { z } from 'zod';
import { isCalendarDate } from '../dates';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Tables this method writes: after it succeeds, main tells every client they changed. */
  writes?: readonly Table[];
}

/** Tables a client may watch; named as the store names them. */
export const TABLES = [
  'accounts',
  'users',
  'features',
  'usage',
  'imports',
  'milestones',
  'qbrs',
  /** QBR action items: their own table, so that ticking one off does not look like a change to health's inputs. */
  'qbr_action_items',
  /** The CSM's stakeholder flags: their own table, so that flagging a person does not look like a change to health's inputs. */
  'stakeholders',
  'touchpoints',
  'surveys',
  'renewals',
  'health',
  'settings',
  /** The portfolio's saved views. */
  'views',
  /** The backups folder: files, not a table, but the Settings screen lists them and refetches after a backup. */
  'backups',
  /** The work queue (manual and generated tasks; action items stay in qbr_action_items). */
  'tasks',
  /** The success plan: handoff, outcomes, their milestone links and the progress QBRs record. */
  'success_plans',
] as const;
export type Table = (typeof TABLES)[number];

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

export const empty = z.object({}).strict();
/**
 * A calendar date that exists, as YYYY-MM-DD: the one schema of every date field, in and out, so that
 * "2026-02-31" is refused at the boundary instead of being stored and breaking every later read of it.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `"${String(issue.input)}" is not a date: write it as YYYY-MM-DD`, abort: true })
  .refine(isCalendarDate, {
    error: (issue) => `${String(issue.input)} is not a date on the calendar: the month must be 01–12 and the day one that month has`,
  });
/** An instant as toISOString writes it (UTC, "Z"), on a calendar date that exists: the one date-time schema. */
export const isoDateTime = z.iso
  .datetime()
  .refine((text) => isCalendarDate(text.slice(0, 10)), { error: (issue) => `${String(issue.input)} is not on a date the calendar has` });
export const id = z.number().int().positive();

/** One account as of a date (default: today): the input of every per-account reading of the model. */
export const accountAsOfInput = z.object({ id, asOf: isoDate.optional() }).strict();
