// Which tables each query method reads, so a query refetches when main says one of them changed. A method
// missing here refetches on every change: stale data is worse than an extra read.
import type { MethodName, Table } from '../../../shared/contract';

const READS: Partial<Record<MethodName, readonly Table[]>> = {
  'app.info': ['accounts', 'usage'],
  'accounts.list': ['accounts', 'milestones', 'renewals', 'settings'],
  'accounts.get': ['accounts', 'milestones', 'renewals', 'settings'],
  'imports.list': ['imports'],
  'imports.get': ['imports'],
  'watch.list': ['settings'],
  'portfolio.overview': ['accounts', 'health', 'milestones', 'qbrs', 'renewals', 'settings'],
  'views.list': ['views'],
  'milestones.list': ['accounts', 'milestones', 'settings'],
  'qbrs.list': ['qbrs', 'qbr_action_items'],
  'stakeholders.list': ['stakeholders', 'users', 'usage', 'surveys', 'qbrs'],
  'qbrs.nextSuggestion': ['accounts', 'qbrs', 'qbr_action_items', 'settings'],
  'touchpoints.list': ['touchpoints', 'surveys', 'features', 'users', 'imports'],
  'settings.get': ['settings', 'features', 'backups'],
  'features.list': ['features'],
  'features.eventNames': ['features', 'usage'],
  'usage.series': ['usage', 'accounts'],
  'health.settings.get': ['settings'],
  'deck.quarters': ['accounts', 'settings'],
  'deck.settings.get': ['settings'],
  'outreach.templates.get': ['settings'],
  'reminders.get': ['settings'],
  'outreach.draft': ['accounts', 'users', 'usage', 'features', 'qbrs', 'settings'],
  'search.notes': ['accounts', 'touchpoints', 'qbrs', 'qbr_action_items', 'milestones'],
};

export function tablesReadBy(method: MethodName): readonly Table[] | 'all' {
  return READS[method] ?? 'all';
}
