import type { Handlers, ServiceContext } from '../services/context';
import { accountHandlers } from '../services/accounts';
import { systemHandlers } from '../services/system';
import { benchmarkHandlers } from '../services/benchmarks';
import { healthHandlers } from '../services/health';
import { withHealthRefresh } from './health-refresh';
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
import { deckHandlers } from '../deck/handlers';

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
