// Stakeholders (issue #14, point 9): the account's people as of D with the CSM's flag and their last touch. The
// flag is the CSM's current judgement (it has no history); the people and touches are as of D.
import { z } from 'zod';
import { dayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput, StakeholderFlag } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { recordsAsOf } from '../../shared/metrics/as-of';
import { userLabel } from '../../shared/metrics/inputs';
import { lastTouch } from '../../shared/metrics/stakeholders';
import { loadBundles } from '../db/account-bundles';
import { qbrsOf } from '../db/qbrs';
import { flagsOf, lastActiveDays, setFlag, userExists } from '../db/stakeholders';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';

const Attendees = z.array(z.string());
const FLAG_ORDER: Record<StakeholderFlag, number> = { sponsor: 0, champion: 1, detractor: 2 };

export function listStakeholders(ctx: ServiceContext, input: MethodInput<'stakeholders.list'>): MethodOutput<'stakeholders.list'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const d = dayNumber(asOf);
  const [bundle] = loadBundles(ctx, input.accountId, d);
  if (!bundle) throw new AppError('not_found', `There is no account with id ${input.accountId}.`);
  const records = recordsAsOf(bundle, d);
  const flags = flagsOf(ctx, records.users.map((u) => u.id));
  const active = lastActiveDays(ctx, input.accountId, d);
  const qbrs = qbrsOf(ctx, input.accountId)
    .filter((q) => q.date <= asOf)
    .map((q) => {
      const parsed = Attendees.safeParse(JSON.parse(q.attendees));
      return { date: q.date, attendees: parsed.success ? parsed.data : [] };
    });
  const items = records.users.map((u) => ({
    id: u.id,
    name: userLabel(u),
    email: u.email,
    role: u.role,
    department: u.department,
    flag: flags.get(u.id) ?? null,
    lastTouch: lastTouch({
      asOf,
      lastActiveDay: active.get(u.id) ?? null,
      surveyDates: records.surveys.filter((s) => s.userId === u.id).map((s) => s.date),
      qbrs,
      email: u.email,
    }),
  }));
  items.sort(
    (a, b) =>
      (a.flag === null ? 9 : FLAG_ORDER[a.flag]) - (b.flag === null ? 9 : FLAG_ORDER[b.flag]) ||
      (b.lastTouch?.date ?? '').localeCompare(a.lastTouch?.date ?? '') ||
      a.name.localeCompare(b.name),
  );
  return { accountId: input.accountId, asOf, items };
}

export function setStakeholder(ctx: ServiceContext, input: MethodInput<'stakeholders.set'>): MethodOutput<'stakeholders.set'> {
  if (!userExists(ctx, input.userId)) throw new AppError('not_found', `There is no person with id ${input.userId}.`);
  setFlag(ctx, input.userId, input.flag, ctx.now().getTime());
  return { userId: input.userId, flag: input.flag };
}

export function stakeholderHandlers(ctx: ServiceContext): HandlerGroup<'stakeholders.list' | 'stakeholders.set'> {
  return {
    'stakeholders.list': (input) => listStakeholders(ctx, input),
    'stakeholders.set': (input) => setStakeholder(ctx, input),
  };
}
