import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import { accountHandlers } from '../services/accounts';
import { systemHandlers } from '../services/system';
import { benchmarkHandlers } from '../services/benchmarks';
import { healthHandlers } from '../services/health';
import { withHealthRefresh } from '../services/health-snapshots';
import { metricsHandlers } from '../services/metrics';
import { renewalHandlers } from '../services/renewal-model';
import { importHandlers } from '../services/imports';
import { watchHandlers } from '../services/watch';
import { portfolioHandlers } from '../services/portfolio';
import { milestoneHandlers } from '../services/milestones';
import { qbrHandlers } from '../services/qbrs';
import { actionItemHandlers } from '../services/qbr-action-items';
import { touchpointHandlers } from '../services/touchpoints';
import { surveyHandlers } from '../services/surveys';
import { appSettingsHandlers } from '../services/app-settings';
import { backupHandlers } from '../services/backups';
import { undoHandlers } from '../services/trash';
import { usageHandlers } from '../services/usage-series';
import { deckHandlers } from '../services/deck';

/** One function per contract method, taking the already-validated input. */
export type Handlers = {
  [K in MethodName]: (input: z.output<Contract[K]['input']>) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

export type HandlerGroup<K extends MethodName> = Pick<Handlers, K>;

export function createHandlers(ctx: ServiceContext): Handlers {
  // Writes to what health reads refresh the daily health snapshots (see withHealthRefresh).
  return withHealthRefresh(ctx, {
    ...systemHandlers(ctx),
    ...accountHandlers(ctx),
    ...healthHandlers(ctx),
    ...metricsHandlers(ctx),
    ...benchmarkHandlers(ctx),
    ...renewalHandlers(ctx),
    ...importHandlers(ctx),
    ...watchHandlers(ctx),
    ...portfolioHandlers(ctx),
    ...milestoneHandlers(ctx),
    ...qbrHandlers(ctx),
    ...actionItemHandlers(ctx),
    ...touchpointHandlers(ctx),
    ...surveyHandlers(ctx),
    ...appSettingsHandlers(ctx),
    ...backupHandlers(ctx),
    ...undoHandlers(ctx),
    ...usageHandlers(ctx),
    ...deckHandlers(ctx),
  });
}
