import { z } from 'zod';

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
  'touchpoints',
  'surveys',
  'renewals',
  'health',
  'settings',
  /** The portfolio's saved views. */
  'views',
  /** The backups folder: files, not a table, but the Settings screen lists them and refetches after a backup. */
  'backups',
] as const;
export type Table = (typeof TABLES)[number];

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

export const empty = z.object({}).strict();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const id = z.number().int().positive();

/** One account as of a date (default: today): the input of every per-account reading of the model. */
export const accountAsOfInput = z.object({ id, asOf: isoDate.optional() }).strict();
