// The feature catalogue: names, and the key and paid flags breadth, adoption and downgrade risk read.
import type { Feature, MethodInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { prepared } from '../db/statements';
import { loadFeatures } from './metrics-data';

export function updateFeature(ctx: ServiceContext, input: MethodInput<'features.update'>): Feature {
  const current = loadFeatures(ctx).find((f) => f.id === input.id);
  if (!current) throw new AppError('not_found', `There is no feature with id ${input.id}.`);
  const next = { ...current, name: input.name ?? current.name, isKey: input.isKey ?? current.isKey, isPaid: input.isPaid ?? current.isPaid };
  prepared(ctx.sqlite, 'UPDATE features SET name = ?, is_key = ?, is_paid = ? WHERE id = ?').run(next.name, next.isKey ? 1 : 0, next.isPaid ? 1 : 0, next.id);
  // Breadth counts key features on every day of every account's history; paid flags and names score nothing.
  if (next.isKey !== current.isKey) refreshHealthSnapshots(ctx);
  return next;
}

export function featureHandlers(ctx: ServiceContext): HandlerGroup<'features.update'> {
  return {
    'features.update': (input) => updateFeature(ctx, input),
  };
}
