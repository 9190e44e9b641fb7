// The feature catalogue: names, and the key and paid flags breadth, adoption and downgrade risk read.
import type { Feature, MethodInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { loadFeatures, updateFeatureRow } from '../db/features';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';

export function updateFeature(ctx: ServiceContext, input: MethodInput<'features.update'>): Feature {
  const current = loadFeatures(ctx).find((f) => f.id === input.id);
  if (!current) throw new AppError('not_found', `There is no feature with id ${input.id}.`);
  const next = { ...current, name: input.name ?? current.name, isKey: input.isKey ?? current.isKey, isPaid: input.isPaid ?? current.isPaid };
  updateFeatureRow(ctx, next);
  // Breadth counts key features on every day of every account's history; paid flags and names score nothing.
  if (next.isKey !== current.isKey) refreshHealthSnapshots(ctx);
  return next;
}

export function featureHandlers(ctx: ServiceContext): HandlerGroup<'features.update'> {
  return {
    'features.update': (input) => updateFeature(ctx, input),
  };
}
