// Tickets and campaigns imported from files, as read-only entries of the account's timeline (issue #15): the
// ticket's status, days open and SLA read the way the support metrics read them (docs/METRICS.md, "Support").
import type { ImportedItem } from '../../shared/contract';
import { daysBetween } from '../../shared/dates';
import { importedCampaignsOf, importedTicketsOf } from '../db/imported-timeline';
import type { ServiceContext } from './context';

const NONE = { ticketId: null, caseStatus: null, closedDate: null, daysOpen: null, priority: null, withinSla: null, requesterEmail: null };
const NO_CAMPAIGN = { recipients: null, opened: null, clicked: null, replied: null, featureName: null };

export function importedTimeline(ctx: ServiceContext, accountId: number, asOf: string): ImportedItem[] {
  const tickets = importedTicketsOf(ctx, accountId).map((t): ImportedItem => {
    const end = t.status === 'closed' ? t.solvedDate : asOf;
    return {
      source: 'imported',
      key: `ticket:${t.id}`,
      id: t.id,
      accountId,
      kind: 'support_case',
      date: t.openedDate,
      title: t.title,
      vendor: t.vendor,
      importId: t.importId,
      ...NO_CAMPAIGN,
      ticketId: t.ticketId,
      caseStatus: t.status,
      closedDate: t.solvedDate,
      daysOpen: end === null ? null : Math.max(0, daysBetween(t.openedDate, end)),
      priority: t.priority,
      withinSla: t.slaBreached === null ? null : t.slaBreached === 0,
      requesterEmail: t.requesterEmail,
    };
  });
  const campaigns = importedCampaignsOf(ctx, accountId).map(
    (c): ImportedItem => ({
      source: 'imported',
      key: `campaign:${c.id}`,
      id: c.id,
      accountId,
      kind: 'campaign',
      date: c.date,
      title: c.campaign,
      vendor: c.vendor,
      importId: c.importId,
      ...NONE,
      recipients: c.recipients,
      opened: c.opened,
      clicked: c.clicked,
      replied: c.replied,
      featureName: c.featureName,
    }),
  );
  return [...tickets, ...campaigns];
}
