import type { Handlers, ServiceContext } from '../services/context';
import { accountHandlers } from '../services/accounts';
import { backupHandlers } from '../services/backup';
import { benchmarkHandlers } from '../services/benchmarks';
import { demoHandlers } from '../services/demo';
import { featureHandlers } from '../services/features';
import { healthHandlers } from '../services/health';
import { importHandlers } from '../services/imports';
import { metricsHandlers } from '../services/metrics';
import { milestoneHandlers } from '../services/milestones';
import { outreachHandlers } from '../services/outreach';
import { portfolioHandlers } from '../services/portfolio';
import { actionItemHandlers } from '../services/qbr-action-items';
import { qbrHandlers } from '../services/qbrs';
import { renewalHandlers } from '../services/renewal';
import { settingsHandlers } from '../services/settings';
import { searchHandlers } from '../services/search';
import { stakeholderHandlers } from '../services/stakeholders';
import { storyHandlers } from '../services/story';
import { successPlanHandlers } from '../services/success-plan';
import { surveyHandlers } from '../services/surveys';
import { systemHandlers } from '../services/system';
import { taskHandlers } from '../services/tasks';
import { reminderHandlers } from '../services/reminders';
import { touchpointHandlers } from '../services/touchpoints';
import { undoHandlers } from '../services/undo';
import { usageHandlers } from '../services/usage';
import { viewHandlers } from '../services/views';
import { watchHandlers } from '../services/watch';
import { deckHandlers } from '../deck/handlers';
import { withHealthRefresh } from './health-refresh';

/** Every contract method's handler: each feature's group, merged (one module per feature, named as its methods). */
export function createHandlers(ctx: ServiceContext): Handlers {
  // Writes to what health reads refresh the daily health snapshots (see withHealthRefresh).
  return withHealthRefresh(ctx, {
    ...systemHandlers(ctx),
    ...demoHandlers(ctx),
    ...accountHandlers(ctx),
    ...healthHandlers(ctx),
    ...metricsHandlers(ctx),
    ...benchmarkHandlers(ctx),
    ...renewalHandlers(ctx),
    ...importHandlers(ctx),
    ...watchHandlers(ctx),
    ...portfolioHandlers(ctx),
    ...viewHandlers(ctx),
    ...milestoneHandlers(ctx),
    ...qbrHandlers(ctx),
    ...actionItemHandlers(ctx),
    ...touchpointHandlers(ctx),
    ...surveyHandlers(ctx),
    ...settingsHandlers(ctx),
    ...featureHandlers(ctx),
    ...backupHandlers(ctx),
    ...undoHandlers(ctx),
    ...usageHandlers(ctx),
    ...deckHandlers(ctx),
    ...searchHandlers(ctx),
    ...storyHandlers(ctx),
    ...stakeholderHandlers(ctx),
    ...taskHandlers(ctx),
    ...reminderHandlers(ctx),
    ...outreachHandlers(ctx),
    ...successPlanHandlers(ctx),
  });
}
